// Schools: each has an enrolment secret its devices swap for their own credentials.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { StoreOps } from './store/types.ts';

const SCHOOL_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Adds a school and returns the only copy of its enrolment secret. */
export const addSchool = async (
  store: Pick<StoreOps, 'getSchool' | 'createSchool'>, school: { id: string; name: string }, now: number,
): Promise<string> => {
  if (!SCHOOL_ID.test(school.id)) {
    throw new InvigilatorError('CONFIG_INVALID', `The school id "${school.id}" must be lower-case letters, digits and dashes.`);
  }
  if (school.name.trim() === '') throw new InvigilatorError('CONFIG_INVALID', 'The school needs a name.');
  if (await store.getSchool(school.id)) throw new InvigilatorError('SCHOOL_EXISTS', `(${school.id})`);
  const secret = newSecret();
  await store.createSchool({ id: school.id, name: school.name.trim(), enrolmentSecretHash: hashSecret(secret), createdAt: now });
  return secret;
};

/** Gives the school a new enrolment secret and returns its only copy: the old one stops enrolling at once,
 * while devices already enrolled keep their own credentials. */
export const rotateEnrolmentSecret = async (store: Pick<StoreOps, 'getSchool' | 'setEnrolmentSecretHash'>, id: string): Promise<string> => {
  if (!(await store.getSchool(id))) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${id})`);
  const secret = newSecret();
  await store.setEnrolmentSecretHash(id, hashSecret(secret));
  return secret;
};
