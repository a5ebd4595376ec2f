// Process entry: runs the CLI against the real process and sets the exit code.
import { VERSION } from './version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before anything else loads: scripts call this often.
  process.stdout.write(VERSION + '\n');
} else {
  const [{ run }, { processWorld }, { removePendingWrites }] = await Promise.all([import('./main.js'), import('./world.js'), import('../write/atomic.js')]);
  // Interrupted (Ctrl+C, a job scheduler's SIGTERM): no half-written file is left behind.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const)
    process.once(signal, () => {
      removePendingWrites();
      process.exit(code);
    });
  process.exitCode = await run(processWorld());
}
