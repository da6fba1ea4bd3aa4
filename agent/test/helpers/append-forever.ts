// Child process for the kill -9 test: appends events and prints each seq once append() returned it.
import { createLogger } from '@invigilator/shared/logger.ts';
import { Outbox } from '../../src/outbox.ts';
import { misuseInput, observationInput } from './events.ts';

const file = process.argv[2] as string;
const outbox = new Outbox({ file, logger: createLogger({ name: 'append-forever', level: 'silent' }) });
for (let index = 0; ; index += 1) {
  const seq = outbox.append(index % 3 === 0 ? misuseInput(`m${index}`) : observationInput(`o${index}`));
  process.stdout.write(`${seq}\n`);
}
