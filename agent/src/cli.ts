// The `invigilator-agent` command. Logs are pino JSON on stderr; stdout is the answer.
// No top-level await: the same file is the entry of the CommonJS bundle a single executable runs.
import { createLogger } from '@invigilator/shared/logger.ts';
import { runCli } from './cli/dispatch.ts';

const logger = createLogger({ name: 'invigilator-agent' });
// Long-lived handles (system queries, sockets) must not keep a finished command alive.
void runCli(process.argv.slice(2), logger).then((exitCode) => process.exit(exitCode));
