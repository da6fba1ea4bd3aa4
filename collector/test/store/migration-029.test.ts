// Migration 029 (both engines) takes the message text out of the notifications table. A database made before
// it — its notifications table exactly as the earlier migration made it, holding whole messages — keeps every
// queued notification: each is sent after the migration, composed then from its alert, and nothing of the old
// text is left in the table (nor, on SQLite, anywhere in the file).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MisuseKind } from '@invigilator/shared/wire.ts';
import { createLogger } from '@invigilator/shared/logger.ts';
import { ingestBatch } from '../../src/gateway/ingest.ts';
import { createDispatcher } from '../../src/notify/dispatcher.ts';
import { addChannel } from '../../src/notify/setup.ts';
import { addPerson } from '../../src/people/people.ts';
import { readMigrations } from '../../src/store/migrate.ts';
import { PG_MIGRATIONS_DIR } from '../../src/store/pg-migrate.ts';
import { openPostgresStore } from '../../src/store/pg.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { makePgDatabase, type PgDatabase } from '../../../test/support/postgres.ts';
import { waitFor } from '../../../test/support/processes.ts';
import { startMailServer, type MailServer } from '../../../test/support/peers/mail-server.ts';
import { addSchoolWithDevice } from '../helpers/store-rows.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const PUPIL = 'pupil-lindqvist';
const SERIAL = 'SERIAL-OLD-29';
/** Written only into the old messages: found nowhere once they are gone. */
const MARKER = 'OLD-MESSAGE-TEXT-7f3e';
const NOW = Date.now();

/** The notifications table and its indexes as the earlier migration made them. */
const oldNotificationsTable = (dir: string | undefined, version: number): string => {
  const sql = readMigrations(dir).find((migration) => migration.version === version)!.sql;
  return [/CREATE TABLE notifications \([\s\S]*?\n\);/, /CREATE INDEX notifications_due .*;/, /CREATE INDEX notifications_school_created .*;/]
    .map((pattern) => pattern.exec(sql)![0]).join('\n');
};

/** A message as collectors before this migration composed and stored it. */
const oldMessage = (fields: Record<string, unknown>) => JSON.stringify({
  severity: 'warning', category: 'misuse', form: 'full', school: { id: 'north', name: 'north school' }, alertId: null, device: 'north-lab-01',
  happened: `Removable media "KEYS" (serial ${SERIAL}) was plugged in while ${PUPIL} was logged in. ${MARKER}`, at: new Date(NOW).toISOString(),
  clause: null, details: [['Logged-in user', PUPIL], ['Removable media', `"KEYS" serial ${SERIAL}`]], nextSteps: [MARKER], ...fields,
});

interface Engine {
  open(): Promise<Store>;
  /** Runs statements on the database outside the store (the store closed). */
  exec(sql: string): Promise<void>;
  /** Runs one query on the database outside the store. */
  raw(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
  /** The table and version of the migration before 029 that made it. */
  oldTable: string;
  placeholder(index: number): string;
  /** Every byte of the database on disk, where the engine keeps it in files of ours. */
  bytes?(): Buffer;
}

describe.each(['sqlite', 'postgres'] as const)('migration 029 on %s', (engineName) => {
  let temp: ReturnType<typeof makeTempDir>;
  let database: PgDatabase | undefined;
  let engine: Engine;
  let mail: MailServer;

  beforeEach(async () => {
    temp = makeTempDir();
    mail = await startMailServer();
    if (engineName === 'sqlite') {
      const file = join(temp.dir, 'collector.sqlite');
      const withDb = <T>(use: (db: DatabaseSync) => T): T => {
        const db = new DatabaseSync(file);
        try {
          return use(db);
        } finally {
          db.close();
        }
      };
      engine = {
        open: async () => openSqliteStore(file),
        exec: async (sql) => withDb((db) => db.exec(sql)),
        raw: async (sql, ...params) => withDb((db) => db.prepare(sql).all(...(params as never[]))),
        oldTable: oldNotificationsTable(undefined, 8),
        placeholder: () => '?',
        bytes: () => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path))),
      };
    } else {
      database = await makePgDatabase('invigilator_migration');
      const url = database.url;
      const withClient = async <T>(use: (client: pg.Client) => Promise<T>): Promise<T> => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return await use(client);
        } finally {
          await client.end();
        }
      };
      engine = {
        open: () => openPostgresStore(url),
        exec: (sql) => withClient(async (client) => { await client.query(sql); }),
        raw: (sql, ...params) => withClient(async (client) => (await client.query(sql, params)).rows),
        oldTable: oldNotificationsTable(PG_MIGRATIONS_DIR, 1),
        placeholder: (index) => `$${index}`,
      };
    }
  });
  afterEach(async () => {
    await mail.stop();
    await database?.drop();
    temp.remove();
  });

  /** A school, its people and mail channel, and a misuse alert with its event, as any version made them; then the old table. */
  const databaseBefore029 = async (): Promise<string> => {
    const store = await engine.open();
    let alertId = '';
    try {
      await addSchoolWithDevice(store, 'north');
      for (const [email, role] of [['dsl@north.sch.uk', 'dsl'], ['nm@trust.example', 'network-manager'], ['chair@north.sch.uk', 'governor']] as const) {
        await addPerson(store, { email, name: email, roles: [role], schools: ['north'] }, NOW);
      }
      await addChannel(store, { schoolId: 'north', kind: 'email', url: `${mail.url}?starttls=opportunistic`, from: 'invigilator@north.sch.uk' }, NOW);
      await ingestBatch(store, { id: 'north-dev', hostname: 'north-lab-01', schoolId: 'north' }, [{
        seq: 1, occurredAtMs: NOW, misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: PUPIL, device: { serial: SERIAL, label: 'KEYS', bus: 'usb' } },
      }], NOW);
      alertId = (await store.listAlerts({ schoolId: 'north', categories: ['misuse'], limit: 1 }))[0]!.id;
    } finally {
      await store.close();
    }
    await engine.exec(`DROP TABLE notifications; ${engine.oldTable} DELETE FROM schema_migrations WHERE version = 29;`);
    const [channel] = await engine.raw('SELECT id FROM channels');
    const person = async (email: string) => (await engine.raw(`SELECT id FROM people WHERE email = ${engine.placeholder(1)}`, email))[0]!.id;
    const rows: Array<[string, string | null, string, string, string, string, number]> = [
      ['old-dsl', alertId, 'dsl@north.sch.uk', 'opened', oldMessage({ subject: '[WARNING] Removable media plugged into north-lab-01', alertId }), 'pending', 0],
      ['old-nm', null, 'nm@trust.example', 'opened',
        oldMessage({ subject: 'A safeguarding alert was raised at north school', form: 'count', device: null, details: [], happened: `1 open. ${MARKER}` }), 'pending', 2],
      ['old-sending', alertId, 'dsl@north.sch.uk', 'escalated', oldMessage({ subject: 'Not yet acknowledged', alertId }), 'sending', 1],
      ['old-sent', alertId, 'dsl@north.sch.uk', 'opened', oldMessage({ subject: 'Sent long ago', alertId }), 'sent', 1],
      ['old-reports', null, 'chair@north.sch.uk', 'reports-ready',
        oldMessage({ subject: 'Termly reports for Summer 2026 at north school are ready', category: 'summary', happened: MARKER }), 'pending', 0],
    ];
    for (const [id, alert, email, reason, message, status, attempts] of rows) {
      await engine.raw(`INSERT INTO notifications (id, school_id, alert_id, channel_id, person_id, recipient, reason, message, status, attempts,
        next_attempt_at, created_at, sent_at) VALUES (${Array.from({ length: 13 }, (_, index) => engine.placeholder(index + 1)).join(', ')})`,
      id, 'north', alert, channel!.id, await person(email), email, reason, message, status, attempts, NOW, NOW, status === 'sent' ? NOW : null);
    }
    return alertId;
  };

  it('keeps every queued notification with what it was about, and none of the text it held', async () => {
    const alertId = await databaseBefore029();
    const store = await engine.open();
    try {
      const rows = Object.fromEntries((await store.listNotifications({ limit: 10 })).map((row) => [row.id, row]));
      expect(rows['old-dsl']).toMatchObject({ alertId, category: 'misuse', about: null, status: 'pending', claimedBy: null, claimUntil: null });
      expect(rows['old-nm']).toMatchObject({ alertId: null, category: 'misuse', status: 'pending', attempts: 2 });
      // Left sending by a collector of the old version: its claim has long run out, so the next sender takes it.
      expect(rows['old-sending']).toMatchObject({ status: 'sending', claimedBy: null, claimUntil: 0 });
      expect(rows['old-sent']).toMatchObject({ status: 'sent', category: 'misuse' });
      expect(rows['old-reports']).toMatchObject({ category: null, about: 'Summer 2026', reason: 'reports-ready' });
    } finally {
      await store.close();
    }
    const stored = JSON.stringify(await engine.raw('SELECT * FROM notifications'));
    for (const word of [MARKER, PUPIL, SERIAL]) expect(stored).not.toContain(word);
    // The old text was zeroed where it lay, not left in free pages of the file.
    if (engine.bytes) expect(engine.bytes().includes(MARKER)).toBe(false);
  });

  it('sends the queued notifications after it, each composed then: the DSL\'s in full, the others as their role may see', async () => {
    await databaseBefore029();
    const store = await engine.open();
    const dispatcher = createDispatcher({ store, logger: createLogger({ name: 'test', level: 'silent' }), claimant: 'after-029', pollMs: 50 });
    try {
      await dispatcher.start();
      const rows = await waitFor('the four queued ones sent', async () => {
        const all = await store.listNotifications({ limit: 10 });
        return all.every((row) => row.status === 'sent') ? all : undefined;
      });
      expect(rows).toHaveLength(5);
      const dsl = mail.mailbox('dsl@north.sch.uk');
      expect(dsl.map((m) => m.subject).sort()).toEqual([
        '[WARNING] Not yet acknowledged: Removable media plugged into north-lab-01', '[WARNING] Removable media plugged into north-lab-01',
      ]);
      for (const m of dsl) expect(m.text).toContain(`Logged-in user: ${PUPIL}`);
      const [nm] = mail.mailbox('nm@trust.example');
      expect(nm!.subject).toBe('A safeguarding alert was raised at north school');
      expect(nm!.text).not.toContain(PUPIL);
      const [chair] = mail.mailbox('chair@north.sch.uk');
      expect(chair!.subject).toBe('Termly reports for Summer 2026 at north school are ready');
      expect(mail.mails.map((m) => m.text).join('\n')).not.toContain(MARKER);
    } finally {
      await dispatcher.stop();
      await store.close();
    }
  });
});
