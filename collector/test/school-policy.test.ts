import { afterEach, beforeEach, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { policyPackFor } from '../src/school-policy.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/types.ts';
import { addSchoolWithDevice } from './helpers/store-rows.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  store = openSqliteStore(join(temp.dir, 'collector.sqlite'));
  await addSchoolWithDevice(store, 'north');
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

const withSilentAfter = (hours: number) => ({ ...DEFAULT_POLICY_PACK, availability: { ...DEFAULT_POLICY_PACK.availability, silentAfterHours: hours } });

it('validates a stored pack once and reuses it while the stored pack is unchanged', async () => {
  await store.putPolicyPack('north', withSilentAfter(48), 1);
  const first = await policyPackFor(store, 'north');
  expect(first.availability.silentAfterHours).toBe(48);
  expect(await policyPackFor(store, 'north')).toBe(first);
});

it('uses a changed stored pack at once', async () => {
  await store.putPolicyPack('north', withSilentAfter(48), 1);
  const first = await policyPackFor(store, 'north');
  await store.putPolicyPack('north', withSilentAfter(72), 2);
  const changed = await policyPackFor(store, 'north');
  expect(changed).not.toBe(first);
  expect(changed.availability.silentAfterHours).toBe(72);
});

it('does not serve one school\'s pack to another, nor a cached pack once the stored pack is gone', async () => {
  await store.putPolicyPack('north', withSilentAfter(48), 1);
  await policyPackFor(store, 'north');
  await addSchoolWithDevice(store, 'south');
  expect(await policyPackFor(store, 'south')).toBe(DEFAULT_POLICY_PACK);
  const forgetful = { getPolicyPack: async () => undefined };
  expect(await policyPackFor(forgetful, 'north')).toBe(DEFAULT_POLICY_PACK);
});

it('refuses a stored pack that no longer validates, every time it is asked', async () => {
  const broken = { getPolicyPack: async () => ({ ...withSilentAfter(48), availability: { silentAfterHours: 'soon' } }) };
  await expect(policyPackFor(broken, 'north')).rejects.toMatchObject({ code: 'POLICY_INVALID' });
  await expect(policyPackFor(broken, 'north')).rejects.toMatchObject({ code: 'POLICY_INVALID' });
});
