// The agent never dies silently: a promise rejected with nobody to handle it is
// logged with a code and the agent keeps running (the part that failed retries at
// its next turn); an exception thrown past everything leaves the process in an
// unknown state, so it is logged and the agent exits non-zero for its service
// manager to restart it cleanly.
import { ERRORS } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';

/** EX_SOFTWARE: the service manager restarts the agent on any non-zero exit. */
export const CRASH_EXIT_CODE = 70;

export const guardProcess = (logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): () => void => {
  const onRejection = (reason: unknown): void => {
    logger.error({ code: 'UNHANDLED_REJECTION', err: reason }, ERRORS.UNHANDLED_REJECTION);
  };
  const onException = (error: Error): void => {
    logger.fatal({ code: 'AGENT_CRASHED', err: error }, ERRORS.AGENT_CRASHED);
    exit(CRASH_EXIT_CODE);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
};
