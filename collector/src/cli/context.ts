// What every collector command shares: where it writes, the clock, and the data folder option.
import type { CliIo, OptionSpec, OptionValues } from '@invigilator/shared/cli/dispatcher.ts';
import { stringOption } from '@invigilator/shared/cli/dispatcher.ts';
import { openCollectorStore } from '../main.ts';
import type { Store } from '../store/types.ts';

export interface CollectorCliContext {
  io: CliIo;
  now: () => number;
}

export const DEFAULT_DATA_DIR = 'data';

/** Where a command finds the collector's store: the data folder's SQLite file, or a PostgreSQL database instead. */
export const DATA_DIR_OPTION: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', placeholder: 'DIR', description: `the collector's data folder (default ./${DEFAULT_DATA_DIR})` },
  database: {
    type: 'string', placeholder: 'URL',
    description: 'keep the data in PostgreSQL, postgres://USER@HOST:5432/DATABASE, instead of the data folder\'s SQLite file (password in PGPASSWORD or ~/.pgpass)',
  },
};

export const dataDirOf = (values: OptionValues): string => stringOption(values, 'data-dir') ?? DEFAULT_DATA_DIR;
/** The PostgreSQL URL given with --database, or undefined for the data folder's SQLite file. */
export const databaseOf = (values: OptionValues): string | undefined => stringOption(values, 'database');

/** Opens the data folder's store for one command and closes it whatever happens. */
export const withStore = async <T>(values: OptionValues, work: (store: Store) => Promise<T>): Promise<T> => {
  const store = await openCollectorStore(dataDirOf(values), databaseOf(values));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

/** One answer line on stdout. */
export const answer = (context: CollectorCliContext, line: string): void => context.io.stdout(`${line}\n`);
