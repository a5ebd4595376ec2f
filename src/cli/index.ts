// Process entry: runs the CLI against the real process and sets the exit code.
import { run } from './main.js';
import { processWorld } from './world.js';

process.exitCode = await run(processWorld());
