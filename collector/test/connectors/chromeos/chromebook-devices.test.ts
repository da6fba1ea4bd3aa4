// Chromebooks read from Google Admin as devices of the school, judged by the same rules as every device.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { CollectionStatus, FirewallAction, MAX_SEQ, MisuseKind, Tri, type Event } from '@invigilator/shared/wire.ts';
import { readChromebookRecord, type ChromebookRecord } from '../../../src/connectors/chromeos/chromebook-record.ts';
import { recordChromebook } from '../../../src/connectors/chromeos/chromebook-devices.ts';
import { connectChromeos } from '../../../src/connectors/chromeos/connection.ts';
import { syncChromeos } from '../../../src/connectors/chromeos/sync.ts';
import { CONNECTOR_SEQ_BASE, ingestBatch } from '../../../src/gateway/ingest.ts';
import { addSchool } from '../../../src/schools.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import type { Store, StoredVerdict } from '../../../src/store/types.ts';
import { chromeosFixture, startGoogleAdminServer } from '../../helpers/google-admin-server.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

let store: Store;
let temp: ReturnType<typeof makeTempDir>;

const NOW = Date.UTC(2026, 10, 30, 12);
const record = (fixture: string): ChromebookRecord => {
  const read = readChromebookRecord(chromeosFixture(fixture));
  if (!read) throw new Error(`${fixture} has no deviceId`);
  return read;
};
const ACTIVE = 'directory-chromeosdevice.2-active-verified.json';
const byCheck = (verdicts: StoredVerdict[]) => Object.fromEntries(verdicts.map((verdict) => [verdict.check, verdict]));

const recordOne = (chromebook: ChromebookRecord, at = NOW) =>
  store.transaction((tx) => recordChromebook(tx, 'north', chromebook, at));

beforeEach(async () => {
  temp = makeTempDir();
  store = openSqliteStore(join(temp.dir, 'collector.sqlite'));
  await addSchool(store, { id: 'north', name: 'North Primary' }, NOW);
  await store.putChromeosSettings({ schoolId: 'north', customerId: 'C01b2c3d4', serviceAccountFile: '/none', adminEmail: 'it@north.example.org',
    orgUnitPath: null, apiBase: null, connectedAt: NOW });
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

// recordChromebook expects the connector's row (sync.ts writes it first, in the same transaction).
const upsertRow = (chromebook: ChromebookRecord) => store.upsertChromeosDevices([
  { schoolId: 'north', directoryDeviceId: chromebook.directoryDeviceId, record: { ...chromebook }, readAt: NOW }]);

describe('a Chromebook as a device', () => {
  it('becomes a ChromeOS device of the school with Google Admin\'s facts, and a verdict with its reason for every check', async () => {
    const chromebook = record(ACTIVE);
    await upsertRow(chromebook);
    const device = await recordOne(chromebook);
    const stored = await store.getDevice(device.id);
    expect(stored).toMatchObject({
      schoolId: 'north', hostname: 'NP-CB-0142', lastSeenAt: Date.parse('2026-11-29T08:41:12.417Z'), revokedAt: null,
      facts: { platform: 'PLATFORM_CHROMEOS', osName: 'ChromeOS', osVersion: '130.0.6723.126', hardwareSerial: '5CD1234XYZ',
        hardwareModel: 'HP Chromebook 11 G9 EE',
        chromeos: { directoryDeviceId: 'a7f3c2e1-9b4d-4e8a-b1c6-2d5f8e9a0b13', assetId: 'NP-CB-0142', bootMode: 'verified',
          autoUpdateExpiration: 1906934400000, orgUnitPath: '/North Primary/Pupils', status: 'ACTIVE' } },
    });
    const verdicts = byCheck(await store.listVerdicts(device.id));
    expect(verdicts.encryption).toMatchObject({ status: 'pass', reasonCode: 'ENCRYPTION_ON', reason: 'The volume holding school data is encrypted: ChromeOS user data.' });
    expect(verdicts.antivirus).toMatchObject({ status: 'pass', reasonCode: 'ANTIVIRUS_OK' });
    expect(verdicts.antivirus?.reason).toContain('no anti-virus runs on ChromeOS; security updates until 2030-06-06');
    expect(verdicts.firewall).toMatchObject({ status: 'pass', reasonCode: 'FIREWALL_ON',
      reason: 'The firewall (ChromeOS built-in, not user-configurable) is on and refuses incoming connections by default.' });
    expect(verdicts['removable-media']).toMatchObject({ status: 'unknown', reasonCode: 'CHROMEOS_POLICY_NOT_READ' });
    // A record without its policies (as stored before policies were read): unknown, saying what is missing.
    expect(verdicts['removable-media']?.reason).toContain('External storage devices setting');
    expect(verdicts['password-policy']).toMatchObject({ status: 'unknown', reasonCode: 'CHROMEOS_POLICY_NOT_READ' });
    expect(verdicts['password-policy']?.reason).toContain('Workspace password policy');
    expect(verdicts['screen-lock']).toMatchObject({ status: 'unknown', reasonCode: 'CHROMEOS_POLICY_NOT_READ' });
    expect(Object.keys(verdicts).sort()).toEqual([...CHECK_NAMES].sort());
    for (const verdict of Object.values(verdicts)) expect(verdict.clauseText).not.toBe('');
  });

  it('fails encryption in developer mode, saying why and what to do', async () => {
    const chromebook = record('directory-chromeosdevice.3-developer-mode.json');
    await upsertRow(chromebook);
    const verdicts = byCheck(await store.listVerdicts((await recordOne(chromebook)).id));
    expect(verdicts.encryption).toMatchObject({ status: 'fail', reasonCode: 'ENCRYPTION_PROTECTION_OFF' });
    expect(verdicts.encryption?.reason).toContain('ChromeOS user data is encrypted but the Chromebook is in developer mode: verified boot is off');
    expect(verdicts.encryption?.reason).toContain('Powerwash');
    // The posture alert a technician gets.
    const alerts = await store.listAlerts({ schoolId: 'north', categories: ['posture'], limit: 10 });
    expect(alerts.map((alert) => alert.check)).toEqual(['encryption']);
  });

  it('fails "protection up to date" once the auto-update expiration has passed', async () => {
    const chromebook = record('directory-chromeosdevice.4-past-aue.json');
    await upsertRow(chromebook);
    const verdicts = byCheck(await store.listVerdicts((await recordOne(chromebook)).id));
    expect(verdicts.antivirus).toMatchObject({ status: 'fail', reasonCode: 'SIGNATURES_STALE' });
    expect(verdicts.antivirus?.reason).toContain('ChromeOS 103.0.5060.132 automatic updates (no anti-virus runs on ChromeOS; its auto-update expiration passed on 2023-05-31, so it gets no more security updates: replace it)');
  });

  it('a deprovisioned Chromebook leaves the fleet: revoked, no verdicts, no silence alerts', async () => {
    const chromebook = record('directory-chromeosdevice.1-pixelbook-deprovisioned.json');
    await upsertRow(chromebook);
    const device = await recordOne(chromebook);
    expect((await store.getDevice(device.id))?.revokedAt).toBe(NOW);
    expect(await store.listVerdicts(device.id)).toEqual([]);
  });

  it('read again, stays one device; its own series climbs above 2^40 and the device\'s high-water mark stays 0', async () => {
    const chromebook = record(ACTIVE);
    await upsertRow(chromebook);
    const first = await recordOne(chromebook);
    const second = await recordOne({ ...chromebook, osVersion: '131.0.6778.200' }, NOW + 3_600_000);
    expect(second.id).toBe(first.id);
    expect(await store.listDevices({ schoolId: 'north' })).toHaveLength(1);
    const events = await store.listEvents({ deviceId: first.id, kinds: ['observation'], limit: 100 });
    expect(events.map((event) => event.seq - CONNECTOR_SEQ_BASE).sort((a, b) => a - b)).toEqual(Array.from({ length: 2 * CHECK_NAMES.length }, (_, i) => i + 1));
    expect(await store.highestSeq(first.id)).toBe(0);
    expect((await store.getDevice(first.id))?.facts).toMatchObject({ osVersion: '131.0.6778.200' });
    // Nothing changed status, so no verdict change was recorded twice.
    expect(await store.listVerdictChanges(first.id)).toHaveLength(CHECK_NAMES.length);
  });
});

describe('the connector\'s series and a device\'s own', () => {
  const mediaAttached = (seq: number, at: number): Event => ({
    seq, occurredAtMs: at,
    misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: 'y5.pupil07@north-primary.example.org', device: { label: 'KINGSTON', sizeBytes: 15_500_000_000, bus: 'usb' } },
  });
  const firewallObservation = (seq: number, at: number, enabled: number): Event => ({
    seq, occurredAtMs: at,
    observation: { check: 'firewall', status: CollectionStatus.COLLECTED, firewall: { enabled, backend: 'extension test', inboundDefault: FirewallAction.FIREWALL_DROP } },
  });

  it('never collide or shadow each other: each is stored, the latest observation decides, and the device\'s count is its own', async () => {
    const chromebook = record(ACTIVE);
    await upsertRow(chromebook);
    const device = await recordOne(chromebook, NOW);
    expect(await store.highestSeq(device.id)).toBe(0);

    // The extension's first batch, numbered from 1: not mistaken for anything already stored.
    const later = NOW + 60_000;
    const batch = await ingestBatch(store, device, [mediaAttached(1, later), firewallObservation(2, later, Tri.TRI_NO)], later + 1000);
    expect(batch).toMatchObject({ stored: 2, duplicates: 0, upToSeq: 2 });
    expect(await store.highestSeq(device.id)).toBe(2);
    const misuse = await store.listAlerts({ schoolId: 'north', categories: ['misuse'], limit: 10 });
    expect(misuse).toHaveLength(1);
    // The extension's later firewall report decided, though its seq (2) is far below the connector's.
    expect((await store.getVerdict(device.id, 'firewall'))?.status).toBe('fail');

    // The connector reads the Chromebook again, later still: its observation decides again, the extension's count stays.
    await recordOne(chromebook, later + 120_000);
    expect((await store.getVerdict(device.id, 'firewall'))).toMatchObject({ status: 'pass', reasonCode: 'FIREWALL_ON' });
    expect(await store.highestSeq(device.id)).toBe(2);

    // An older report drained late from the extension's outbox does not undo the connector's newer one...
    await ingestBatch(store, device, [firewallObservation(3, later + 60_000, Tri.TRI_NO)], later + 200_000);
    expect((await store.getVerdict(device.id, 'firewall'))?.status).toBe('pass');
    // ...and a resend of the extension's batch is recognised, though the connector's numbers are higher.
    expect(await ingestBatch(store, device, [mediaAttached(1, later)], later + 300_000)).toMatchObject({ stored: 0, duplicates: 1 });
    const all = await store.listEvents({ deviceId: device.id, kinds: ['observation', 'misuse'], limit: 100 });
    expect(all.filter((event) => event.seq <= CONNECTOR_SEQ_BASE).map((event) => event.seq).sort()).toEqual([1, 2, 3]);
    expect(all.filter((event) => event.seq > CONNECTOR_SEQ_BASE)).toHaveLength(2 * CHECK_NAMES.length);
    // A device cannot number into the connector's series.
    await expect(ingestBatch(store, device, [mediaAttached(MAX_SEQ + 1, later)], later)).rejects.toMatchObject({ code: 'SEQUENCE_OUT_OF_RANGE' });
    expect(CONNECTOR_SEQ_BASE).toBeGreaterThan(MAX_SEQ * 1024);

    // Retention deleting the connector's observations must not mark the device's own numbers as pruned.
    expect(await store.deleteEventsBefore('north', 'observation', Number.MAX_SAFE_INTEGER)).toBeGreaterThan(0);
    expect(await store.prunedSeq(device.id)).toBeLessThan(CONNECTOR_SEQ_BASE);
    const afterRetention = await ingestBatch(store, device, [mediaAttached(4, later + 400_000)], later + 400_000);
    expect(afterRetention).toMatchObject({ stored: 1, duplicates: 0 });
  });
});

it('a sync makes each Chromebook of the directory a device, once, and observes it again when its record changes', async () => {
  const google = await startGoogleAdminServer();
  // Both synced an hour ago, whatever today is: the incremental read asks for devices synced since yesterday.
  const syncedRecently = (fixture: string, overrides: Record<string, unknown> = {}) =>
    ({ ...chromeosFixture(fixture), lastSync: new Date(Date.now() - 3_600_000).toISOString(), ...overrides });
  try {
    google.devices = [syncedRecently(ACTIVE), syncedRecently('directory-chromeosdevice.3-developer-mode.json')];
    await connectChromeos(store, { schoolId: 'north', customerId: 'C01b2c3d4', serviceAccountFile: google.serviceAccountFile,
      adminEmail: 'it@north.example.org', apiBase: google.apiBase }, Date.now());
    const deps = { http: { ca: google.ca }, now: Date.now };
    await syncChromeos(store, 'north', deps);
    await syncChromeos(store, 'north', deps);
    const devices = await store.listDevices({ schoolId: 'north' });
    expect(devices.map((device) => device.hostname)).toEqual(['NP-CB-0077', 'NP-CB-0142']);
    const rows = await store.listChromeosDevices('north');
    expect(new Set(rows.map((row) => row.deviceId))).toEqual(new Set(devices.map((device) => device.id)));
    // The second sync read NP-CB-0142 again (it synced within the last day) and found its record unchanged: no second set of observations.
    const active = devices.find((device) => device.hostname === 'NP-CB-0142');
    expect(google.directoryRequests.at(-1)?.searchParams.get('query')).toMatch(/^sync:/);
    const observations = () => store.listEvents({ deviceId: active?.id ?? '', kinds: ['observation'], limit: 100 });
    expect(await observations()).toHaveLength(CHECK_NAMES.length);
    // A changed record is observed at once.
    google.devices = [syncedRecently(ACTIVE, { bootMode: 'Dev' }), syncedRecently('directory-chromeosdevice.3-developer-mode.json')];
    await syncChromeos(store, 'north', deps);
    expect(await observations()).toHaveLength(2 * CHECK_NAMES.length);
    expect((await store.getVerdict(active?.id ?? '', 'encryption'))?.status).toBe('fail');
  } finally {
    await google.close();
  }
});
