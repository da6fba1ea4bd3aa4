// Upgrading a collector whose database predates people: its tokens keep working as service tokens
// with the role and school they had, and its audit log keeps every row.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => { temp = makeTempDir(); });
afterEach(() => temp.remove());

it('turns each earlier token into a service token and each audit row\'s role into a list', async () => {
  const file = join(temp.dir, 'collector.sqlite');
  const db = new DatabaseSync(file);
  applyMigrations(db, readMigrations().filter((m) => m.version <= 5));
  db.exec(`INSERT INTO schools VALUES ('north', 'North', 'ab', 1);
    INSERT INTO api_tokens VALUES ('t-all', 'hash1', 'network-manager', NULL, 'trust manager', 10, NULL);
    INSERT INTO api_tokens VALUES ('t-north', 'hash2', 'dsl', 'north', 'Ms Khan (DSL)', 11, 12);
    INSERT INTO audit_log (at, token_id, role, label, action, target, school_id) VALUES (20, 't-north', 'dsl', 'Ms Khan (DSL)', 'view misuse alerts', '1 misuse alert', 'north');`);
  db.close();

  const store = openSqliteStore(file);
  try {
    expect(await store.getApiToken('t-all')).toEqual({
      id: 't-all', secretHash: 'hash1', personId: null, roles: ['network-manager'], schools: 'all', label: 'trust manager', createdAt: 10, revokedAt: null,
    });
    expect(await store.getApiToken('t-north')).toMatchObject({ personId: null, roles: ['dsl'], schools: ['north'], revokedAt: 12 });
    expect(await store.listAudit({ limit: 10 })).toEqual([{
      id: 1, at: 20, personEmail: null, tokenId: 't-north', sessionId: null, roles: ['dsl'], label: 'Ms Khan (DSL)',
      action: 'view misuse alerts', target: '1 misuse alert', schoolId: 'north',
    }]);
  } finally {
    await store.close();
  }
});
