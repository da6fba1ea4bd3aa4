// Packs stored before the screen-lock check must still validate after an upgrade:
// migration 015 gives them the default pack's screen-lock and posture settings, and keeps
// what the school wrote. A real SQLite file on disk, migrated in two steps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

/** Stores `packText` as a collector before migration 015 would, migrates to the end, and returns the stored pack. */
const storeThenMigrate = (dir: string, packText: string): { stored: unknown; appliedNow: string[] } => {
  const db = new DatabaseSync(path.join(dir, 'collector.db'));
  try {
    const all = readMigrations();
    applyMigrations(db, all.filter((migration) => migration.version < 15));
    db.prepare('INSERT INTO schools (id, name, enrolment_secret_hash, created_at) VALUES (?, ?, ?, ?)').run('oakfield', 'Oakfield', 'x', 0);
    db.prepare('INSERT INTO policy_packs (school_id, pack, updated_at) VALUES (?, ?, ?)').run('oakfield', packText, 0);
    const appliedNow = applyMigrations(db, all);
    return { stored: JSON.parse(String(db.prepare('SELECT pack FROM policy_packs WHERE school_id = ?').get('oakfield')?.pack)), appliedNow };
  } finally {
    db.close();
  }
};

describe('migration 015 (screen lock and removable-storage posture in stored packs)', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'invigilator-migration-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('fills in the new settings from the default pack, keeps the school\'s own, and the pack validates again', () => {
    expect(() => validatePolicyPack(olderPack(), 'older pack')).toThrow(/checks\.screenLock is missing/);
    const { stored, appliedNow } = storeThenMigrate(dir, JSON.stringify(olderPack()));
    expect(appliedNow).toContain('015-pack-screen-lock-and-media-posture.sql');
    const pack = validatePolicyPack(stored, 'migrated pack');
    expect(pack.checks.screenLock).toEqual({ required: true, maxIdleMinutes: 15, requirePasswordOnWake: true, clause: 'screen-lock' });
    expect(pack.clauses['screen-lock']).toBe('Users log off or lock a device when they leave it.');
    expect(pack.agent.checkSchedules['screen-lock']).toBe('37 * * * *');
    expect(pack.checks.passwordPolicy).toMatchObject({ minLength: 10, maxAgeDays: 90, denyListInDirectory: false });
    expect(pack.checks.removableMedia).toMatchObject({ hashFileNames: true, readOnlyIsEnough: false });
  });

  it('leaves a pack that already has the settings as it is', () => {
    const current = JSON.stringify(loadPolicyPackFile(EXAMPLE));
    expect(storeThenMigrate(dir, current).stored).toEqual(JSON.parse(current));
  });
});
