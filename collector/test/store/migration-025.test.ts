// Migration 025 copies the events table to let it hold the agent's lifecycle events: every stored
// event survives, with its indexes, and the kinds it refuses are still refused. A real SQLite file on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';

describe('migration 025 (lifecycle events)', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'invigilator-migration-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('keeps every event and index, and accepts lifecycle events but no unknown kind', () => {
    const db = new DatabaseSync(path.join(dir, 'collector.db'));
    try {
      const all = readMigrations();
      applyMigrations(db, all.filter((migration) => migration.version < 25));
      db.prepare('INSERT INTO schools (id, name, enrolment_secret_hash, created_at) VALUES (?, ?, ?, ?)').run('oakfield', 'Oakfield', 'x', 0);
      db.prepare('INSERT INTO devices (id, school_id, hostname, facts, credential_hash, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)').run('dev-1', 'oakfield', 'lab-07', '{}', 'h', 0);
      const insert = db.prepare('INSERT INTO events (device_id, seq, occurred_at, received_at, kind, check_name, payload) VALUES (?, ?, ?, ?, ?, ?, ?)');
      insert.run('dev-1', 1, 10, 11, 'observation', 'firewall', '{"check":"firewall"}');
      insert.run('dev-1', 2, 20, 21, 'misuse', null, '{"kind":"MEDIA_ATTACHED"}');
      expect(() => insert.run('dev-1', 3, 30, 31, 'lifecycle', null, '{}')).toThrow(/CHECK constraint/);

      expect(applyMigrations(db, all)).toContain('025-agent-lifecycle-events.sql');
      expect(db.prepare('SELECT seq, kind, check_name AS checkName, payload FROM events ORDER BY seq').all()).toEqual([
        { seq: 1, kind: 'observation', checkName: 'firewall', payload: '{"check":"firewall"}' },
        { seq: 2, kind: 'misuse', checkName: null, payload: '{"kind":"MEDIA_ATTACHED"}' },
      ]);
      db.prepare('INSERT INTO events (device_id, seq, occurred_at, received_at, kind, check_name, payload) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run('dev-1', 3, 30, 31, 'lifecycle', null, '{"reason":"STOP_REASON_SYSTEM_SHUTDOWN"}');
      expect(() => db.prepare('INSERT INTO events (device_id, seq, occurred_at, received_at, kind, check_name, payload) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run('dev-1', 4, 40, 41, 'gossip', null, '{}')).toThrow(/CHECK constraint/);
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name").all().map((row) => row.name);
      expect(indexes).toEqual(['events_device_check_time', 'events_device_kind_received']);
    } finally {
      db.close();
    }
  });
});
