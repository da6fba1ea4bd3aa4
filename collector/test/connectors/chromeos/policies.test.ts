// The Chromebooks' Google Admin policies read over real HTTPS from the fixture server (Chrome Policy API resolve,
// Cloud Identity policies), and judged by the same rules as every device's removable media, screen lock and password.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enumValue, int64Value, POLICY_SCHEMAS } from '../../../src/connectors/chromeos/chrome-policy.ts';
import { SCOPES } from '../../../src/connectors/chromeos/google-token.ts';
import { syncChromeos } from '../../../src/connectors/chromeos/sync.ts';
import type { Store, StoredVerdict } from '../../../src/store/types.ts';
import { chromeosFixture, heldPoliciesFrom, type GoogleAdminServer } from '../../helpers/google-admin-server.ts';
import { startConnectedSchool, type ConnectedSchool } from '../../helpers/connected-school.ts';

let google: GoogleAdminServer;
let store: Store;
let school: ConnectedSchool;
let waits: number[];

const PUPILS = 'orgunits/03ph8a2z1enq4ap';
const deps = () => ({ http: { ca: google.ca, sleep: async (ms: number) => { waits.push(ms); } }, now: Date.now });
const chromebook = (n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...chromeosFixture('directory-chromeosdevice.2-active-verified.json'),
  deviceId: `device-${n}`, serialNumber: `SERIAL${n}`, annotatedAssetId: `NP-CB-${n}`, lastSync: new Date().toISOString(), ...overrides,
});
const held = (...fixtures: string[]) => fixtures.flatMap((fixture) => heldPoliciesFrom(`chrome-policy-resolve.${fixture}.json`));
const passwordPolicies = () => chromeosFixture('cloud-identity-policies.1-password.json').policies as Record<string, unknown>[];

const verdictsOf = async (assetId: string): Promise<Record<string, StoredVerdict>> => {
  const device = (await store.listDevices({ schoolId: 'north' })).find((candidate) => candidate.hostname === assetId);
  if (!device) throw new Error(`no device ${assetId}`);
  return Object.fromEntries((await store.listVerdicts(device.id)).map((verdict) => [verdict.check, verdict]));
};

beforeEach(async () => {
  school = await startConnectedSchool();
  ({ google, store } = school);
  waits = [];
});
afterEach(() => school.close());

describe('reading the policies', () => {
  it('asks the Chrome Policy API once per organisational unit and schema, by the unit\'s id, with read-only scopes', async () => {
    google.devices = [chromebook(1), chromebook(2)];
    google.chromePolicies = held('1-external-storage-read-only', '3-idle-lock-10-minutes');
    google.identityPolicies = passwordPolicies();
    await syncChromeos(store, 'north', deps());
    expect(google.policyRequests).toEqual(Object.values(POLICY_SCHEMAS).map((policySchemaFilter) => ({ policySchemaFilter, targetResource: PUPILS })));
    expect(google.identityRequests).toHaveLength(1);
    expect(new Set(google.tokenRequests.map((request) => request.scope)))
      .toEqual(new Set([SCOPES.directory, SCOPES.policy, SCOPES.identityPolicies, SCOPES.telemetry]));
    for (const scope of Object.values(SCOPES)) expect(scope).toMatch(/readonly$/);
  });

  it('reads enum values with or without their type\'s prefix, and int64 values as Google writes them', () => {
    expect(enumValue('EXTERNAL_STORAGE_DEVICES_ENUM_READ_ONLY')).toBe('READ_ONLY');
    expect(enumValue('DISALLOW')).toBe('DISALLOW');
    expect(enumValue('')).toBeNull();
    expect([int64Value({ duration: '600' }), int64Value({ duration: '600s' }), int64Value(600), int64Value({ value: 6 })]).toEqual([600, 600, 600, 6]);
    expect([int64Value('-5'), int64Value('ten'), int64Value(undefined), int64Value(1.5)]).toEqual([null, null, null, null]);
  });
});

describe('judged as every device is', () => {
  it('read-only sticks fail a school that bans them; a 10-minute lock passes; the Workspace password\'s kinds of character stay unknown', async () => {
    google.devices = [chromebook(1)];
    google.chromePolicies = held('1-external-storage-read-only', '3-idle-lock-10-minutes', '6-quick-unlock-pin', '7-pin-settings');
    google.identityPolicies = passwordPolicies();
    await syncChromeos(store, 'north', deps());
    const verdicts = await verdictsOf('NP-CB-1');
    expect(verdicts['removable-media']).toMatchObject({ status: 'fail', reasonCode: 'REMOVABLE_STORAGE_ALLOWED' });
    expect(verdicts['removable-media']?.reason).toBe('Removable storage is not blocked on this device (Google Admin External storage devices: '
      + 'Allow read only for /North Primary/Pupils), which the school\'s policy bans. It is read-only, but the school\'s policy asks for it to be blocked.');
    expect(verdicts['screen-lock']).toMatchObject({ status: 'pass', reasonCode: 'SCREEN_LOCK_OK' });
    expect(verdicts['screen-lock']?.reason).toBe('The screen locks after 10 minutes without use and asks for a password (Google Admin idle settings for '
      + '/North Primary/Pupils; a PIN of at least 6 digits also unlocks it), and users cannot change it; the school allows at most 15 minutes.');
    expect(verdicts['password-policy']).toMatchObject({ status: 'unknown', reasonCode: 'PASSWORD_POLICY_UNKNOWN' });
    expect(verdicts['password-policy']?.reason).toContain('how many kinds of character');
    expect(verdicts['password-policy']?.reason).not.toContain('minimum');
  });

  it('blocked sticks pass; sleeping without locking fails; a weak Workspace password policy fails with its numbers', async () => {
    google.devices = [chromebook(1)];
    google.chromePolicies = held('2-external-storage-disallow', '4-idle-sleep-without-lock');
    google.identityPolicies = passwordPolicies().map((policy) => {
      const setting = policy.setting as { type: string; value: Record<string, unknown> };
      return setting.type === 'settings/security.password'
        ? { ...policy, setting: { ...setting, value: { ...setting.value, allowedStrength: 'WEAK', minimumLength: 6 } } } : policy;
    });
    await syncChromeos(store, 'north', deps());
    const verdicts = await verdictsOf('NP-CB-1');
    expect(verdicts['removable-media']).toMatchObject({ status: 'pass', reasonCode: 'REMOVABLE_STORAGE_BLOCKED',
      reason: 'Removable storage is blocked on this device (Google Admin External storage devices: Disallow for /North Primary/Pupils).' });
    expect(verdicts['screen-lock']).toMatchObject({ status: 'fail', reasonCode: 'SCREEN_LOCK_NEVER' });
    expect(verdicts['password-policy']).toMatchObject({ status: 'fail', reasonCode: 'PASSWORD_POLICY_WEAK' });
    expect(verdicts['password-policy']?.reason).toContain('Minimum length is 6; the school requires 8');
    expect(verdicts['password-policy']?.reason).toContain('Mixing letters, numbers and symbols is not required');
  });

  it('nothing set in Google Admin: sticks are allowed (ChromeOS\'s default) and the lock is left to the user, said as such', async () => {
    google.devices = [chromebook(1)];
    await syncChromeos(store, 'north', deps());
    const verdicts = await verdictsOf('NP-CB-1');
    expect(verdicts['removable-media']).toMatchObject({ status: 'fail', reasonCode: 'REMOVABLE_STORAGE_ALLOWED' });
    expect(verdicts['removable-media']?.reason).toContain('leaves External storage devices unset (ChromeOS then allows them)');
    expect(verdicts['screen-lock']).toMatchObject({ status: 'unknown', reasonCode: 'SCREEN_LOCK_UNKNOWN' });
    expect(verdicts['screen-lock']?.reason).toContain('leaves locking on sleep to the user');
    expect(verdicts['password-policy']).toMatchObject({ status: 'unknown', reasonCode: 'CHROMEOS_POLICY_NOT_READ' });
    expect(verdicts['password-policy']?.reason).toContain('Google Admin lists no Workspace password policy');
  });

  it('the lock screen disallowed: the screen never locks and unlocking asks for nothing', async () => {
    google.devices = [chromebook(1)];
    google.chromePolicies = held('3-idle-lock-10-minutes').concat({ targetResource: PUPILS, policySchema: POLICY_SCHEMAS.lockScreen, value: { allowScreenLock: false } });
    await syncChromeos(store, 'north', deps());
    const verdicts = await verdictsOf('NP-CB-1');
    expect(verdicts['screen-lock']).toMatchObject({ status: 'fail', reasonCode: 'SCREEN_LOCK_NEVER' });
    expect(verdicts['screen-lock']?.reason).toContain('Do not allow locking screen');
    expect(verdicts['screen-lock']?.reason).toContain('Unlocking the screen does not ask for a password');
  });
});

describe('when a policy cannot be read', () => {
  it('a scope not granted: the directory still syncs, and each check is unknown naming the scope to add', async () => {
    google.devices = [chromebook(1)];
    google.refusedScopes = new Set([SCOPES.policy, SCOPES.identityPolicies]);
    const outcome = await syncChromeos(store, 'north', deps());
    expect(outcome.read).toHaveLength(1);
    expect(await store.getChromeosConnection('north')).toMatchObject({ lastErrorCode: null });
    const verdicts = await verdictsOf('NP-CB-1');
    for (const check of ['removable-media', 'screen-lock']) {
      expect(verdicts[check]).toMatchObject({ status: 'unknown', reasonCode: 'CHROMEOS_POLICY_NOT_READ' });
      expect(verdicts[check]?.reason).toContain(`Google refused the read-only scope ${SCOPES.policy}: add it to the service account's domain-wide delegation`);
    }
    expect(verdicts['password-policy']?.reason).toContain(SCOPES.identityPolicies);
    // The directory's own checks are judged as before.
    expect(verdicts.encryption?.status).toBe('pass');
  });

  it('a 503 from the Chrome Policy API is retried with backoff and the policy read; once the scope is granted, the next sync judges again', async () => {
    google.devices = [chromebook(1)];
    google.chromePolicies = held('2-external-storage-disallow');
    google.scripted = [{ api: 'policy', status: 503, body: '{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}' }];
    google.refusedScopes = new Set([SCOPES.identityPolicies]);
    await syncChromeos(store, 'north', deps());
    expect(waits).toHaveLength(1);
    expect((await verdictsOf('NP-CB-1'))['removable-media']?.status).toBe('pass');
    google.refusedScopes = new Set();
    google.identityPolicies = passwordPolicies();
    google.devices = [chromebook(1, { lastSync: new Date().toISOString() })];
    await syncChromeos(store, 'north', deps());
    expect((await verdictsOf('NP-CB-1'))['password-policy']?.status).toBe('unknown');
    expect((await verdictsOf('NP-CB-1'))['password-policy']?.reasonCode).toBe('PASSWORD_POLICY_UNKNOWN');
  });

  it('a Chromebook Google gives no org unit id for: unknown, saying so', async () => {
    const { orgUnitId: _dropped, ...withoutUnit } = chromebook(1);
    google.devices = [withoutUnit];
    await syncChromeos(store, 'north', deps());
    expect((await verdictsOf('NP-CB-1'))['removable-media']?.reason).toContain('did not give this Chromebook\'s organisational unit id');
    expect(google.policyRequests).toEqual([]);
  });
});
