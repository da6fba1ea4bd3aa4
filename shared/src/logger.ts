import { pino, type Logger } from 'pino';

export type { Logger };

// Secrets never reach a log, whatever object carries them.
const REDACT_PATHS = [
  'secret', 'enrolmentSecret', 'enrolment_secret', 'deviceCredential', 'device_credential',
  'credential', 'token', 'authorization', 'password',
  '*.secret', '*.enrolmentSecret', '*.deviceCredential', '*.credential', '*.token',
  '*.authorization', '*.password', 'req.headers.authorization',
  'signingKey', '*.signingKey', 'pass', '*.pass', '*.auth.pass',
];

export interface LoggerOptions {
  name: string;
  level?: string;
  /** Defaults to stderr so a CLI's stdout stays clean for its one-line answers. */
  destination?: number | string;
}

export const createLogger = ({ name, level, destination = 2 }: LoggerOptions): Logger =>
  pino(
    {
      name,
      level: level ?? process.env.INVIGILATOR_LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { name },
    },
    pino.destination({ dest: destination, sync: true }),
  );
