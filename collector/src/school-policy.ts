// Which policy pack judges a school's devices: its stored pack, else the built-in default.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import { loadPolicyPackFile, validatePolicyPack } from '@invigilator/shared/policy/validate.ts';
import type { StoreOps } from './store/types.ts';

/** Validated packs by school, keyed by their stored JSON text: a changed pack is a miss and replaces the entry. */
const validatedPacks = new Map<string, { text: string; pack: PolicyPack }>();

/** The pack whose stored JSON text is `text` ('' for none: the built-in default), validated once per text. */
export const policyPackOfText = (schoolId: string, text: string, stored: unknown = text === '' ? undefined : JSON.parse(text)): PolicyPack => {
  if (text === '') return DEFAULT_POLICY_PACK;
  const cached = validatedPacks.get(schoolId);
  if (cached?.text === text) return cached.pack;
  // Packs are validated before they are stored; validating again guards against an older schema.
  const pack = validatePolicyPack(stored, `stored policy pack of school ${schoolId}`);
  validatedPacks.set(schoolId, { text, pack });
  return pack;
};

/** The pack a school has stored (getPolicyPack), and its JSON text ('' when it has none), which tells two readings of it apart. */
export const policyPackOfStored = (schoolId: string, stored: unknown): { pack: PolicyPack; text: string } => {
  const text = stored === undefined ? '' : JSON.stringify(stored);
  return { pack: policyPackOfText(schoolId, text, stored), text };
};

export const storedPolicyPack = async (store: Pick<StoreOps, 'getPolicyPack'>, schoolId: string): Promise<{ pack: PolicyPack; text: string }> =>
  policyPackOfStored(schoolId, await store.getPolicyPack(schoolId));

export const policyPackFor = async (store: Pick<StoreOps, 'getPolicyPack'>, schoolId: string): Promise<PolicyPack> =>
  (await storedPolicyPack(store, schoolId)).pack;

/** Validates a pack file and stores it as the school's pack. */
export const setSchoolPolicy = async (
  store: Pick<StoreOps, 'getSchool' | 'putPolicyPack'>, schoolId: string, file: string, now: number,
): Promise<PolicyPack> => {
  if (!(await store.getSchool(schoolId))) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${schoolId})`);
  const pack = loadPolicyPackFile(file);
  await store.putPolicyPack(schoolId, pack, now);
  return pack;
};

/** Stores every `<school id>.json` in a folder as that school's pack (an invalid one stops start-up). */
export const loadPolicyDir = async (
  store: Pick<StoreOps, 'getSchool' | 'putPolicyPack'>, dir: string, now: number,
): Promise<string[]> => {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `The policy folder ${dir} cannot be read.`, { cause: error });
  }
  for (const name of names) await setSchoolPolicy(store, basename(name, '.json'), join(dir, name), now);
  return names.map((name) => basename(name, '.json'));
};
