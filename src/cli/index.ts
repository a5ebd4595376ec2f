// Process entry of the bundle (dist/baocao.cjs, started by dist/launch.cjs): runs the
// CLI against the real process and sets the exit code.
import { run } from './main.js';
import { processWorld } from './world.js';
import { removePendingWrites } from '../write/atomic.js';

// Interrupted (Ctrl+C, a job scheduler's SIGTERM): no half-written file is left behind.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => {
    removePendingWrites();
    process.exit(code);
  });

void run(processWorld()).then((code) => {
  process.exitCode = code;
});
