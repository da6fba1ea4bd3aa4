// Local passwords for schools without Google Workspace or Microsoft Entra ID: scrypt with a salt of
// its own per person, the parameters stored with the hash, compared in constant time.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { normaliseEmail, personByEmail } from '../people/people.ts';
import type { Person, StoreOps } from '../store/types.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Slow for a guesser, bearable for a person signing in; `npm run bench` (sign-in) measures a whole sign-in.
const COST = { N: 2 ** 15, r: 8, p: 1 };

const scrypt = (password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> => new Promise((resolve, reject) => {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  scryptCallback(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
});

export const checkPasswordRules = (password: string): void => {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new InvigilatorError('PASSWORD_INVALID', `It has ${length} characters; use at least ${MIN_PASSWORD_LENGTH} (three random words work well).`);
  }
  if (length > MAX_PASSWORD_LENGTH) throw new InvigilatorError('PASSWORD_INVALID', `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
};

/** "scrypt$N$r$p$salt$key" with salt and key in base64. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
};

const parseHash = (stored: string) => {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return undefined;
  return { cost: { N: Number(n), r: Number(r), p: Number(p) }, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
};

export const passwordMatches = async (password: string, stored: string): Promise<boolean> => {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
};

// Checked against when the email is unknown or has no password, so the answer takes as long as a real check.
let decoyHash: Promise<string> | undefined;

/** The enabled person whose password this is, or undefined; takes the same time either way. */
export const personWithPassword = async (
  store: Pick<StoreOps, 'getPersonByEmail' | 'getPasswordHash'>, email: string, password: string,
): Promise<Person | undefined> => {
  const person = await store.getPersonByEmail(normaliseEmail(email));
  const stored = person ? await store.getPasswordHash(person.id) : undefined;
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const matches = await passwordMatches(password.slice(0, MAX_PASSWORD_LENGTH), stored ?? await decoyHash);
  return matches && stored !== undefined && person?.disabledAt === null ? person : undefined;
};

export const setPersonPassword = async (
  store: Pick<StoreOps, 'getPersonByEmail' | 'setPasswordHash'>, email: string, password: string, now: number,
): Promise<Person> => {
  const person = await personByEmail(store, email);
  checkPasswordRules(password);
  await store.setPasswordHash(person.id, await hashPassword(password), now);
  return person;
};
