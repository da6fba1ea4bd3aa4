// A fresh SQLite store in a temporary folder for each test, with the given schools (each with one device).
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { addSchoolWithDevice } from './store-rows.ts';
import { makeTempDir } from './temp-dir.ts';

/** Registers the hooks; call the result inside a test to reach that test's store. */
export const useTempStore = (schoolIds: readonly string[]): (() => Store) => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let store: Store | undefined;
  beforeEach(async () => {
    temp = makeTempDir();
    store = openSqliteStore(join(temp.dir, 'collector.sqlite'));
    for (const schoolId of schoolIds) await addSchoolWithDevice(store, schoolId);
  });
  afterEach(async () => {
    await store?.close();
    temp?.remove();
  });
  return () => {
    if (!store) throw new Error('the store exists only inside a test');
    return store;
  };
};
