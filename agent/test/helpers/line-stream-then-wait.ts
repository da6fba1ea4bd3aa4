// Run as a child process by exec.test.ts: starts a long-running line stream, says
// its own pid, and waits to be killed.
import { startLineStream } from '../../src/exec.ts';

startLineStream({ file: '/usr/bin/sleep', args: ['60'], onLine: () => undefined, onExit: () => undefined });
process.stdout.write(`${process.pid}\n`);
setInterval(() => undefined, 1_000);
