// The `invigilator-agent` command. Logs are pino JSON on stderr; stdout is the answer.
// No top-level await: the same file is the entry of the CommonJS bundle a single executable runs.
import { createLogger } from '@invigilator/shared/logger.ts';
import { runCli } from './cli/dispatch.ts';

// A one-off command answers on stdout and says a failure once on stderr; only `run` (a service) logs as it goes.
const isService = process.argv[2] === 'run';
const logger = createLogger({ name: 'invigilator-agent', ...(isService || process.env.INVIGILATOR_LOG_LEVEL ? {} : { level: 'warn' }) });
// Long-lived handles (system queries, sockets) must not keep a finished command alive.
void runCli(process.argv.slice(2), logger).then((exitCode) => process.exit(exitCode));
