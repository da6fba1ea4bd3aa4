// Run as a child process by process-guard.test.ts: an unhandled rejection the agent
// must survive, then an uncaught exception it must exit on with its crash code.
import { createLogger } from '@invigilator/shared/logger.ts';
import { guardProcess } from '../../src/process-guard.ts';

guardProcess(createLogger({ name: 'guard-test' }));
void Promise.reject(new Error('a watcher failed without a catch'));
setTimeout(() => {
  process.stdout.write('still running\n');
  setTimeout(() => { throw new Error('state is now unknown'); }, 10);
}, 200);
