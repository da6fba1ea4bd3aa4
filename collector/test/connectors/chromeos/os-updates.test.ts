// "Protection up to date" on a Chromebook: its ChromeOS version against Google's stable channel (Version History
// API) by the school's own limit, with the update report from Chrome Management telemetry in the reason.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { majorOf } from '../../../src/connectors/chromeos/os-updates.ts';
import { syncChromeos } from '../../../src/connectors/chromeos/sync.ts';
import type { Store, StoredVerdict } from '../../../src/store/types.ts';
import { chromeosFixture, type GoogleAdminServer } from '../../helpers/google-admin-server.ts';
import { startConnectedSchool, type ConnectedSchool } from '../../helpers/connected-school.ts';

let google: GoogleAdminServer;
let store: Store;
let school: ConnectedSchool;

const deps = () => ({ http: { ca: google.ca, sleep: async () => {} }, now: Date.now });
const chromebook = (osVersion: string): Record<string, unknown> => ({
  ...chromeosFixture('directory-chromeosdevice.2-active-verified.json'), osVersion, lastSync: new Date().toISOString(),
});
const stableVersions = () => (chromeosFixture('version-history-stable.1-chromeos.json').versions as { version: string }[]).map(({ version }) => version);
const antivirusVerdict = async (): Promise<StoredVerdict | undefined> => {
  const [device] = await store.listDevices({ schoolId: 'north' });
  return (await store.listVerdicts(device?.id ?? '')).find((verdict) => verdict.check === 'antivirus');
};

beforeEach(async () => {
  school = await startConnectedSchool();
  ({ google, store } = school);
  google.stableVersions = stableVersions();
});
afterEach(() => school.close());

it('a Chromebook on the stable channel\'s version passes, and its waiting update is named for the technician', async () => {
  google.devices = [chromebook('130.0.6723.126')];
  google.telemetryDevices = chromeosFixture('chrome-management-telemetry-devices.1-os-update.json').devices as Record<string, unknown>[];
  await syncChromeos(store, 'north', deps());
  const verdict = await antivirusVerdict();
  expect(verdict).toMatchObject({ status: 'pass', reasonCode: 'ANTIVIRUS_OK' });
  expect(verdict?.reason).toContain('security updates until 2030-06-06; an update to 16063.45.0 has downloaded and waits for a restart)');
  expect(google.telemetryRequests.find((url) => url.pathname.endsWith('/devices'))?.searchParams.get('readMask')).toBe('device_id,os_update_status');
});

it('twelve versions behind stable fails "protection up to date" with a plain reason, though its AUE is years away', async () => {
  google.devices = [chromebook('118.0.5993.164')];
  await syncChromeos(store, 'north', deps());
  const verdict = await antivirusVerdict();
  expect(verdict).toMatchObject({ status: 'fail', reasonCode: 'SIGNATURES_STALE' });
  expect(verdict?.reason).toContain('version 118 is 12 versions behind the stable channel\'s 130, more than the 6 the school allows: find out why it is not updating');
});

it('the limit is the school\'s: a pack allowing none behind fails a Chromebook one version behind', async () => {
  await store.putPolicyPack('north', { ...DEFAULT_POLICY_PACK, checks: { ...DEFAULT_POLICY_PACK.checks,
    antivirus: { ...DEFAULT_POLICY_PACK.checks.antivirus, chromeosMaxVersionsBehind: 0 } } }, Date.now());
  google.devices = [chromebook('129.0.6668.110')];
  await syncChromeos(store, 'north', deps());
  expect((await antivirusVerdict())?.status).toBe('fail');
  expect((await antivirusVerdict())?.reason).toContain('version 129 is 1 version behind the stable channel\'s 130, more than the 0 the school allows');
});

it('the stable version unreadable: judged on the AUE alone, as before', async () => {
  google.stableVersions = [];
  google.devices = [chromebook('118.0.5993.164')];
  await syncChromeos(store, 'north', deps());
  expect((await antivirusVerdict())?.status).toBe('pass');
  expect([majorOf('130.0.6723.126'), majorOf('beta'), majorOf(null)]).toEqual([130, null, null]);
});
