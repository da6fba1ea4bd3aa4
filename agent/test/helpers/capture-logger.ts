// A real pino logger whose JSON lines are kept in memory, so tests can assert coded logs.
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export interface CapturedLogger {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  withCode: (code: string) => Record<string, unknown>[];
}

export const captureLogger = (): CapturedLogger => {
  const records: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) records.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'debug', redact: { paths: ['deviceCredential', '*.deviceCredential', 'secret'], censor: '[redacted]' } }, sink);
  return { logger, lines: () => records, withCode: (code) => records.filter((record) => record.code === code) };
};
