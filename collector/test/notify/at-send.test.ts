// A notification row keeps no word of what it says: once a misuse alert is notified and sent, the
// notifications table (read straight from the SQLite file, and PostgreSQL's rows) holds no user name, stick
// or file name, while the DSL's mail did. The message is composed when it is sent, so what retention deleted
// meanwhile, and a recipient who may no longer see it, are honoured at the send. Real collector, real SMTP
// server, both engines.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MisuseKind, type Event } from '@invigilator/shared/wire.ts';
import { resolveByPerson } from '../../src/alerts/lifecycle.ts';
import { DATABASE_FILE } from '../../src/main.ts';
import { addChannel } from '../../src/notify/setup.ts';
import { addPerson } from '../../src/people/people.ts';
import type { NotificationRow } from '../../src/store/delivery-types.ts';
import { SimAgent } from '../../../test/support/sim-agent.ts';
import { waitFor } from '../../../test/support/processes.ts';
import { makePgDatabase, type PgDatabase } from '../../../test/support/postgres.ts';
import { startMailServer, type MailServer } from '../../../test/support/peers/mail-server.ts';
import { enrolDevice, startTestCollector, type TestCollector } from '../helpers/collector.ts';

const PUPIL = 'pupil-vasquez';
const SERIAL = 'SERIAL-8KD2';
const LABEL = 'REVISION';
const FILE = 'coursework-final.docx';
const DSL = 'dsl@north.sch.uk';
const NM = 'nm@trust.example';

const stick = (serial: string) => ({ vendor: 'Kingston', model: 'DataTraveler', serial, label: LABEL, bus: 'usb', mountPoint: `/media/${PUPIL}/${LABEL}` });

describe.each(['sqlite', 'postgres'] as const)('notifications composed when sent, on %s', (engine) => {
  let database: PgDatabase | undefined;
  let collector: TestCollector;
  let mail: MailServer;
  let agent: SimAgent;
  let seq = 0;

  const misuse = (event: Event['misuse']): Event => ({ seq: (seq += 1), occurredAtMs: Date.now(), misuse: event });
  const rowsSince = async (since: number): Promise<NotificationRow[]> =>
    (await collector.store.listNotifications({ limit: 500 })).filter((row) => row.createdAt >= since);
  const mailOf = (row: NotificationRow) => mail.mails.find((m) => m.messageId === `<${row.id}@invigilator.notifications>`);
  /** The notifications table as stored, every column of every row. */
  const storedRows = async (): Promise<Record<string, unknown>[]> => {
    if (database) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query('SELECT * FROM notifications')).rows;
      } finally {
        await client.end();
      }
    }
    const file = new DatabaseSync(join(collector.dir, 'data', DATABASE_FILE), { readOnly: true });
    try {
      return file.prepare('SELECT * FROM notifications').all();
    } finally {
      file.close();
    }
  };
  /** Stops the relay, raises what `events` raise, and waits until each of their notifications has failed an attempt. */
  const queuedWhileRelayDown = async (events: Event[]): Promise<NotificationRow[]> => {
    await mail.stop();
    const since = Date.now();
    await agent.sendBatch(events);
    return waitFor('attempts against the stopped relay', async () => {
      const rows = await rowsSince(since);
      return rows.length === 2 && rows.every((row) => row.status === 'pending' && row.attempts >= 1) ? rows : undefined;
    });
  };

  beforeAll(async () => {
    mail = await startMailServer();
    if (engine === 'postgres') database = await makePgDatabase('invigilator_at_send');
    collector = await startTestCollector({ deliveryRetryMaxMs: 500, signIn: { publicUrl: 'https://invigilator.trust.example' }, ...(database ? { database: database.url } : {}) });
    const device = await enrolDevice(collector, 'north');
    await addPerson(collector.store, { email: DSL, name: 'Ms Khan', roles: ['dsl'], schools: ['north'] }, Date.now());
    await addPerson(collector.store, { email: NM, name: 'Mr Ito', roles: ['network-manager'], schools: ['north'] }, Date.now());
    await addChannel(collector.store, { schoolId: 'north', kind: 'email', url: `${mail.url}?starttls=opportunistic`, from: 'invigilator@north.sch.uk' }, Date.now());
    ({ agent } = await SimAgent.session(collector.agentUrl.replace(/\/agent$/, ''), device));
  }, 60_000);

  afterAll(async () => {
    agent?.close();
    await collector?.cleanUp();
    await mail?.stop();
    await database?.drop();
  });

  it('stores no user, stick or file name in the notifications table, though the DSL\'s mail carried them', async () => {
    const since = Date.now();
    await agent.sendBatch([
      misuse({ kind: MisuseKind.MEDIA_ATTACHED, user: PUPIL, device: stick(SERIAL) }),
      misuse({ kind: MisuseKind.FILE_WRITTEN, user: PUPIL, device: stick(SERIAL), file: { name: FILE, sizeBytes: 4096, relativeDir: '' } }),
    ]);
    const sent = await waitFor('four notifications sent', async () => {
      const rows = await rowsSince(since);
      return rows.length === 4 && rows.every((row) => row.status === 'sent') ? rows : undefined;
    });
    const dslMail = sent.filter((row) => row.recipient === DSL).map((row) => mailOf(row)!.text).join('\n');
    for (const word of [PUPIL, SERIAL, LABEL, FILE]) expect(dslMail).toContain(word);

    const stored = await storedRows();
    expect(stored.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(stored[0]!).sort()).toEqual([
      'about', 'alert_id', 'attempts', 'category', 'channel_id', 'claim_until', 'claimed_by', 'created_at', 'id', 'last_error',
      'next_attempt_at', 'person_id', 'reason', 'recipient', 'school_id', 'sent_at', 'status',
    ]);
    const text = JSON.stringify(stored);
    for (const word of [PUPIL, SERIAL, LABEL, FILE]) expect(text).not.toContain(word);
  });

  it('tells the DSL the detail is no longer held when retention deleted the alert\'s events before the send', async () => {
    const rows = await queuedWhileRelayDown([misuse({ kind: MisuseKind.MEDIA_ATTACHED, user: PUPIL, device: stick('SERIAL-GONE-1') })]);
    expect(await collector.store.transaction((tx) => tx.deleteEventsBefore('north', 'misuse', Date.now() + 60_000))).toBeGreaterThan(0);
    await mail.start();
    const [dsl, nm] = await waitFor('both delivered', () => {
      const mails = [rows.find((row) => row.recipient === DSL)!, rows.find((row) => row.recipient === NM)!].map(mailOf);
      return mails.every(Boolean) ? mails : undefined;
    });
    expect(dsl!.subject).toBe('[WARNING] Removable media plugged into sim-device');
    expect(dsl!.text).toContain('Detail: No longer held: the device\'s events behind this alert were deleted under the school\'s retention settings');
    expect(dsl!.text).toContain('What happened: Removable media was plugged in');
    expect(dsl!.text).not.toContain('SERIAL-GONE-1');
    expect(dsl!.text).not.toContain(PUPIL);
    expect(nm!.text).toContain('Kind of alert: Removable media was plugged in');
  });

  it('sends a short message when retention deleted the alert itself, and nothing to one whose role no longer sees misuse', async () => {
    const rows = await queuedWhileRelayDown([misuse({ kind: MisuseKind.MEDIA_ATTACHED, user: PUPIL, device: stick('SERIAL-GONE-2') })]);
    const alert = (await collector.store.getAlert(rows[0]!.alertId!))!;
    await collector.store.transaction((tx) => resolveByPerson(tx, alert, Date.now(), 'Ms Khan (dsl)'));
    expect(await collector.store.transaction((tx) => tx.deleteResolvedAlertsBefore('north', Date.now() + 60_000))).toBeGreaterThan(0);
    const nm = (await collector.store.getPersonByEmail(NM))!;
    await collector.store.setPersonAccess(nm.id, { roles: ['technician'], schools: ['north'] });
    await mail.start();
    const settled = await waitFor('both settled', async () => {
      const now = await Promise.all(rows.map((row) => collector.store.getNotification(row.id)));
      return now.every((row) => row?.status === 'sent' || row?.status === 'failed') ? now.map((row) => row!) : undefined;
    });
    const dslRow = settled.find((row) => row.recipient === DSL && row.alertId === alert.id)!;
    expect(dslRow.status).toBe('sent');
    const gone = mailOf(dslRow)!;
    expect(gone.subject).toBe('A safeguarding alert at north school: its detail is no longer held');
    expect(gone.text).toMatch(/was deleted under the school's retention settings before this message could be sent/);
    expect(gone.text).toContain('The dashboard: https://invigilator.trust.example/');
    expect(gone.text).not.toContain(PUPIL);
    const nmRow = settled.find((row) => row.recipient === NM && row.alertId === alert.id)!;
    expect(nmRow).toMatchObject({ status: 'failed', lastError: 'Not sent: the recipient\'s roles no longer let them see misuse alerts.' });
    expect(mailOf(nmRow)).toBeUndefined();
  });
});
