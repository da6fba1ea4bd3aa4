// Migration 009: removable-media texts written before the fix quoted /media/<user>/<label>; they are
// rewritten without it, misuse alerts (safeguarding roles only) keep theirs, and verdict-change history
// now leaves with the school's observation retention.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { purgeSchool } from '../../src/jobs/retention.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => { temp = makeTempDir(); });
afterEach(() => temp.remove());

const LEAK = 'Removable media is attached, which the school\'s policy bans: "KEYS" (SanDisk) at /media/jsmith/KEYS.';

describe('forgetting mount points', () => {
  it('rewrites old removable-media verdicts, their history and posture alerts; keeps misuse alerts and other checks', async () => {
    const path = join(temp.dir, 'collector.sqlite');
    const db = new DatabaseSync(path);
    applyMigrations(db, readMigrations().filter((migration) => migration.version <= 8));
    db.exec(`INSERT INTO schools VALUES ('north', 'North', 'x', 1);
      INSERT INTO devices (id, school_id, hostname, facts, credential_hash, enrolled_at) VALUES ('d1', 'north', 'lab', '{}', 'x', 1);`);
    const change = db.prepare(`INSERT INTO verdict_changes (device_id, check_name, from_status, to_status, reason_code, reason, clause_id, changed_at, seq)
      VALUES ('d1', ?, 'pass', 'fail', 'R', ?, 'c', ?, 1)`);
    change.run('removable-media', LEAK, 10);
    change.run('firewall', 'The firewall is off.', 10);
    db.prepare(`INSERT INTO verdicts VALUES ('d1', 'removable-media', 'fail', 'R', ?, 'c', 't', 1, 1, 1)`).run(LEAK);
    const alert = db.prepare(`INSERT INTO alerts (id, school_id, device_id, category, severity, dedup_key, status, title, summary, check_name,
      clause_id, clause_text, detail, occurrences, opened_at, last_seen_at) VALUES (?, 'north', 'd1', ?, 'warning', ?, 'open', 't', ?, ?, 'c', 't', '{}', 1, 1, 1)`);
    alert.run('posture-1', 'posture', 'k1', LEAK, 'removable-media');
    alert.run('misuse-1', 'misuse', 'k2', '"KEYS" at /media/jsmith/KEYS was plugged in while jsmith was logged in.', null);
    db.close();

    const store = openSqliteStore(path);
    try {
      const changes = await store.listVerdictChanges('d1');
      expect(changes.find((c) => c.check === 'removable-media')?.reason).not.toContain('jsmith');
      expect(changes.find((c) => c.check === 'firewall')?.reason).toBe('The firewall is off.');
      expect((await store.getVerdict('d1', 'removable-media'))?.reason).not.toContain('/media/');
      expect((await store.getAlert('posture-1'))?.summary).toBe('Removable media was attached, which the school\'s policy bans (where it was mounted is no longer kept).');
      expect((await store.getAlert('misuse-1'))?.summary).toContain('jsmith');

      // The history now has a retention period: the default pack keeps observations 90 days.
      const deleted = await purgeSchool(store, 'north', new Date(100 * 86_400_000));
      expect(deleted.verdict_change).toBe(2);
      expect(await store.listVerdictChanges('d1')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
