// The connector against a local HTTPS server speaking as Google's token endpoint and Directory API.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { connectChromeos } from '../../../src/connectors/chromeos/connection.ts';
import { CONNECTOR_ALERT_KEY, syncChromeos } from '../../../src/connectors/chromeos/sync.ts';
import { SCOPES } from '../../../src/connectors/chromeos/google-token.ts';
import { addSchool } from '../../../src/schools.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import type { Store } from '../../../src/store/types.ts';
import { chromeosFixture, startGoogleAdminServer, type GoogleAdminServer } from '../../helpers/google-admin-server.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

let google: GoogleAdminServer;
let store: Store;
let temp: ReturnType<typeof makeTempDir>;
let waits: number[];

const DAY_MS = 86_400_000;
const directoryTokens = () => google.tokenRequests.filter((request) => request.scope === SCOPES.directory);
const deps = () => ({ http: { ca: google.ca, sleep: async (ms: number) => { waits.push(ms); } }, now: Date.now });

const device = (n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...chromeosFixture('directory-chromeosdevice.2-active-verified.json'),
  deviceId: `device-${n}`, serialNumber: `SERIAL${n}`, annotatedAssetId: `NP-CB-${n}`,
  lastSync: new Date(Date.now() - DAY_MS / 2).toISOString(), ...overrides,
});

const connect = async (orgUnitPath?: string): Promise<void> => connectChromeos(store, {
  schoolId: 'north', customerId: 'C01b2c3d4', serviceAccountFile: google.serviceAccountFile, adminEmail: 'it@north.example.org',
  apiBase: google.apiBase, ...(orgUnitPath ? { orgUnitPath } : {}),
}, Date.now());

beforeEach(async () => {
  google = await startGoogleAdminServer();
  temp = makeTempDir();
  store = openSqliteStore(join(temp.dir, 'collector.sqlite'));
  await addSchool(store, { id: 'north', name: 'North Primary' }, Date.now());
  waits = [];
});
afterEach(async () => {
  await store.close();
  await google.close();
  temp.remove();
});

describe('reading the directory', () => {
  it('reads every page with projection FULL, as the administrator, with the read-only scope only', async () => {
    google.devices = [1, 2, 3, 4, 5].map((n) => device(n));
    google.pageSize = 2;
    await connect();
    const outcome = await syncChromeos(store, 'north', deps());
    expect(outcome).toMatchObject({ full: true, skipped: 0 });
    expect(outcome.read.map((record) => record.directoryDeviceId)).toEqual(['device-1', 'device-2', 'device-3', 'device-4', 'device-5']);
    expect(google.directoryRequests.map((url) => url.searchParams.get('pageToken'))).toEqual([null, '2', '4']);
    expect(google.directoryRequests[0]?.pathname).toBe('/admin/directory/v1/customer/C01b2c3d4/devices/chromeos');
    expect(google.directoryRequests[0]?.searchParams.get('projection')).toBe('FULL');
    expect(directoryTokens()).toEqual([{ iss: google.clientEmail, sub: 'it@north.example.org', scope: SCOPES.directory }]);
    expect(SCOPES.directory).toMatch(/\.readonly$/);
    const connection = await store.getChromeosConnection('north');
    expect(connection).toMatchObject({ deviceCount: 5, lastErrorCode: null });
    expect(connection?.lastSyncAt).toBe(connection?.lastFullSyncAt);
  });

  it('reads only the organisational unit asked for, and those below it', async () => {
    google.devices = [device(1, { orgUnitPath: '/North Primary/Pupils' }), device(2, { orgUnitPath: '/South Primary' })];
    await connect('/North Primary');
    const outcome = await syncChromeos(store, 'north', deps());
    expect(outcome.read.map((record) => record.directoryDeviceId)).toEqual(['device-1']);
    expect(google.directoryRequests[0]?.searchParams.get('orgUnitPath')).toBe('North Primary');
    expect(google.directoryRequests[0]?.searchParams.get('includeChildOrgunits')).toBe('true');
  });

  it('after a full read, asks only for devices that synced since the day before the last sync', async () => {
    google.devices = [device(1), device(2)];
    await connect();
    await syncChromeos(store, 'north', deps());
    const firstSync = (await store.getChromeosConnection('north'))?.lastSyncAt ?? 0;
    // Device 2 reports again (developer mode now); device 1 has been quiet for ten days; device 3 is new.
    google.devices = [device(1, { lastSync: new Date(Date.now() - 10 * DAY_MS).toISOString() }),
      device(2, { bootMode: 'Dev', lastSync: new Date().toISOString() }), device(3, { lastSync: new Date().toISOString() })];
    const second = await syncChromeos(store, 'north', deps());
    expect(second.full).toBe(false);
    expect(google.directoryRequests[1]?.searchParams.get('query'))
      .toBe(`sync:${new Date(firstSync - DAY_MS).toISOString().slice(0, 10)}..`);
    expect(second.read.map((record) => record.directoryDeviceId)).toEqual(['device-2', 'device-3']);
    const stored = await store.listChromeosDevices('north');
    expect(stored.map((row) => [row.directoryDeviceId, row.record.bootMode])).toEqual([
      ['device-1', 'verified'], ['device-2', 'developer'], ['device-3', 'verified']]);
    expect((await store.getChromeosConnection('north'))?.deviceCount).toBe(3);
  });

  it('keeps developer mode, a past auto-update expiration and a deprovisioned device as Google reported them', async () => {
    google.devices = [chromeosFixture('directory-chromeosdevice.3-developer-mode.json'),
      chromeosFixture('directory-chromeosdevice.4-past-aue.json'),
      chromeosFixture('directory-chromeosdevice.1-pixelbook-deprovisioned.json'), { kind: 'admin#directory#chromeosdevice' }];
    await connect();
    const outcome = await syncChromeos(store, 'north', deps());
    expect(outcome.skipped).toBe(1); // no deviceId: nothing could join it to a device
    const byId = new Map(outcome.read.map((record) => [record.directoryDeviceId, record]));
    expect(byId.get('3c9e0b7d-51f2-4a60-8d1e-7f4b2a6c9e05')?.bootMode).toBe('developer');
    expect(byId.get('e41b6d20-7a83-4c5f-9e02-1b8d3f6a7c90')?.autoUpdateExpiration).toBe(Date.UTC(2023, 4, 31, 23));
    expect(byId.get('deviceId')).toMatchObject({ status: 'DEPROVISIONED', serialNumber: '8B17G066JL', removableVolumes: ['/media/removable'] });
  });
});

describe('when Google pushes back', () => {
  it('waits as long as a 429 asks (Retry-After), then reads', async () => {
    google.devices = [device(1)];
    google.scripted = [{ status: 429, body: JSON.stringify(chromeosFixture('api-error.1-rate-limit-429.json')), headers: { 'retry-after': '7' } }];
    await connect();
    const outcome = await syncChromeos(store, 'north', deps());
    expect(outcome.read).toHaveLength(1);
    expect(waits).toEqual([7000]);
  });

  it('backs off on its own after a 5xx without Retry-After, more each time, and gives up with a coded error', async () => {
    google.devices = [device(1)];
    google.scripted = Array.from({ length: 5 }, () => ({ status: 503, body: '{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}' }));
    await connect();
    const failure = await syncChromeos(store, 'north', deps()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvigilatorError);
    expect((failure as InvigilatorError).code).toBe('CHROMEOS_API_FAILED');
    expect((failure as InvigilatorError).message).toContain('The service is currently unavailable.');
    expect(waits).toHaveLength(4);
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThan(waits[i - 1] ?? 0);
    expect(await store.getChromeosConnection('north')).toMatchObject({ lastErrorCode: 'CHROMEOS_API_FAILED', lastSyncAt: null });
    // A quota or an outage is not the school's to fix in Google Admin: no availability alert.
    expect(await store.listAlerts({ schoolId: 'north', categories: ['availability'], limit: 10 })).toEqual([]);
  });

  it('renews a token the API says has expired, once, and carries on', async () => {
    google.devices = [1, 2, 3].map((n) => device(n));
    google.pageSize = 1;
    await connect();
    await syncChromeos(store, 'north', deps());
    google.expireIssuedTokens();
    await syncChromeos(store, 'north', deps());
    expect(directoryTokens()).toHaveLength(2);
  });

  it('renews a token before it expires', async () => {
    google.devices = [1, 2].map((n) => device(n));
    google.pageSize = 1;
    // 301 s of life: the connector renews 5 minutes early, so after a second this token is due for renewal.
    google.tokenLifetimeS = 301;
    await connect();
    const http = { ca: google.ca, sleep: async () => {} };
    let calls = 0;
    const now = () => Date.now() + (calls++ > 1 ? 2000 : 0);
    await syncChromeos(store, 'north', { http, now });
    expect(directoryTokens()).toHaveLength(2);
    expect(google.directoryRequests).toHaveLength(2);
  });

  it('a revoked service account: a clear coded error, the state in words, and an availability alert resolved by the next good sync', async () => {
    google.devices = [device(1)];
    await connect();
    google.revoked = true;
    const failure = await syncChromeos(store, 'north', deps()).catch((error: unknown) => error);
    expect((failure as InvigilatorError).code).toBe('CHROMEOS_ACCESS_REFUSED');
    expect((failure as InvigilatorError).message).toContain('unauthorized_client: Client is unauthorized');
    expect(waits).toEqual([]); // refused is not retried
    expect(await store.getChromeosConnection('north')).toMatchObject({ lastErrorCode: 'CHROMEOS_ACCESS_REFUSED' });
    const [alert] = await store.listAlerts({ schoolId: 'north', categories: ['availability'], limit: 10 });
    expect(alert).toMatchObject({ dedupKey: CONNECTOR_ALERT_KEY, deviceId: null, status: 'open', severity: 'critical',
      title: 'Chromebooks are not being read from Google Admin' });
    await syncChromeos(store, 'north', deps()).catch(() => undefined);
    expect((await store.listAlerts({ schoolId: 'north', categories: ['availability'], limit: 10 }))[0]?.occurrences).toBe(2);

    google.revoked = false;
    await syncChromeos(store, 'north', deps());
    expect((await store.getAlert(alert?.id ?? ''))?.status).toBe('resolved');
    expect(await store.getChromeosConnection('north')).toMatchObject({ lastErrorCode: null, deviceCount: 1 });
  });

  it('a token answer signed with another key is refused by the server, and the connector says access was refused', async () => {
    google.devices = [device(1)];
    await connect();
    // The school replaced the key file with one from another project: Google cannot verify the signature.
    const other = await startGoogleAdminServer();
    try {
      const { readFileSync, writeFileSync } = await import('node:fs');
      const key = JSON.parse(readFileSync(google.serviceAccountFile, 'utf8')) as Record<string, unknown>;
      key.private_key = (JSON.parse(readFileSync(other.serviceAccountFile, 'utf8')) as Record<string, unknown>).private_key;
      writeFileSync(google.serviceAccountFile, JSON.stringify(key));
    } finally {
      await other.close();
    }
    const failure = await syncChromeos(store, 'north', deps()).catch((error: unknown) => error);
    expect((failure as InvigilatorError).code).toBe('CHROMEOS_ACCESS_REFUSED');
    expect((failure as InvigilatorError).message).toContain('invalid_grant: Invalid JWT Signature.');
  });
});
