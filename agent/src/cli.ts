// The `invigilator-agent` command. Logs are pino JSON on stderr; stdout is the answer.
import { createLogger } from '@invigilator/shared/logger.ts';
import { runCli } from './cli/dispatch.ts';

const logger = createLogger({ name: 'invigilator-agent' });
const exitCode = await runCli(process.argv.slice(2), logger);
// Long-lived handles (system queries, sockets) must not keep a finished command alive.
process.exit(exitCode);
