// Packs stored before the screen-lock check must still validate after an upgrade:
// migration 015 gives them the default pack's screen-lock and posture settings, and keeps
// what the school wrote. A real SQLite file on disk, migrated in two steps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicyPackFile, validatePolicyPack } from '@invigilator/shared/policy/validate.ts';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';

const EXAMPLE = path.resolve(import.meta.dirname, '../../../docs/examples/policy-pack.example.json');

/** The example pack as a collector before migration 015 stored it. */
interface OlderPack {
  clauses: Record<string, string>;
  checks: { screenLock?: unknown; passwordPolicy: Record<string, unknown>; removableMedia: Record<string, unknown> };
  agent: { checkSchedules: Record<string, string> };
}

const olderPack = (): OlderPack => {
  const pack = structuredClone(loadPolicyPackFile(EXAMPLE)) as unknown as OlderPack;
  delete pack.checks.screenLock;
  delete pack.checks.passwordPolicy.denyListInDirectory;
  delete pack.checks.removableMedia.readOnlyIsEnough;
  delete pack.agent.checkSchedules['screen-lock'];
  delete pack.clauses['6.4'];
  return pack;
};

describe('migration 015 (screen lock and removable-storage posture in stored packs)', () => {
  let dir = '';
  afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('fills in the new settings from the default pack, keeps the school\'s own, and the pack validates again', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'invigilator-migration-'));
    const db = new DatabaseSync(path.join(dir, 'collector.db'));
    try {
      const all = readMigrations();
      applyMigrations(db, all.filter((migration) => migration.version < 15));
      db.prepare('INSERT INTO schools (id, name, enrolment_secret_hash, created_at) VALUES (?, ?, ?, ?)').run('oakfield', 'Oakfield', 'x', 0);
      db.prepare('INSERT INTO policy_packs (school_id, pack, updated_at) VALUES (?, ?, ?)').run('oakfield', JSON.stringify(olderPack()), 0);
      expect(() => validatePolicyPack(olderPack(), 'older pack')).toThrow(/checks\.screenLock is missing/);

      expect(applyMigrations(db, all)).toContain('015-pack-screen-lock-and-media-posture.sql');
      const stored = JSON.parse(String(db.prepare('SELECT pack FROM policy_packs WHERE school_id = ?').get('oakfield')?.pack));
      const pack = validatePolicyPack(stored, 'migrated pack');
      expect(pack.checks.screenLock).toEqual({ required: true, maxIdleMinutes: 15, requirePasswordOnWake: true, clause: 'screen-lock' });
      expect(pack.clauses['screen-lock']).toBe('Users log off or lock a device when they leave it.');
      expect(pack.agent.checkSchedules['screen-lock']).toBe('37 * * * *');
      expect(pack.checks.passwordPolicy).toMatchObject({ minLength: 10, maxAgeDays: 90, denyListInDirectory: false });
      expect(pack.checks.removableMedia).toMatchObject({ hashFileNames: true, readOnlyIsEnough: false });
    } finally {
      db.close();
    }
  });

  it('leaves a pack that already has the settings as it is', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'invigilator-migration-'));
    const db = new DatabaseSync(path.join(dir, 'collector.db'));
    try {
      const all = readMigrations();
      applyMigrations(db, all.filter((migration) => migration.version < 15));
      const current = JSON.stringify(loadPolicyPackFile(EXAMPLE));
      db.prepare('INSERT INTO schools (id, name, enrolment_secret_hash, created_at) VALUES (?, ?, ?, ?)').run('oakfield', 'Oakfield', 'x', 0);
      db.prepare('INSERT INTO policy_packs (school_id, pack, updated_at) VALUES (?, ?, ?)').run('oakfield', current, 0);
      applyMigrations(db, all);
      const stored = JSON.parse(String(db.prepare('SELECT pack FROM policy_packs WHERE school_id = ?').get('oakfield')?.pack));
      expect(stored).toEqual(JSON.parse(current));
    } finally {
      db.close();
    }
  });
});
