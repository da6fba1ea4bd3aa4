// API tokens: "<id>.<secret>". The id finds the row; the secret is stored only hashed. A person's token
// carries at most the person's rights, checked again at every use; a service token has one role.
import { randomBytes } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { describeSchools, intersectRights, schoolsWithin, type Rights } from './people/rights.ts';
import { personByEmail } from './people/people.ts';
import { hashSecret, newSecret, secretMatches } from './secrets.ts';
import { isRole, ROLES, type ApiToken, type Person, type Role, type StoreOps } from './store/types.ts';

export interface TokenRequest { role: string; schoolId?: string | undefined; label?: string | undefined }

export interface PersonTokenRequest {
  email: string;
  /** Narrower than the person's roles; all of them when empty. */
  roles?: readonly string[];
  /** Narrower than the person's schools; all of them when empty. */
  schools?: readonly string[];
  label?: string | undefined;
}

type TokenStore = Pick<StoreOps, 'createApiToken' | 'getSchool'>;

export const checkRole = (role: string): Role => {
  if (!isRole(role)) throw new InvigilatorError('ROLE_UNKNOWN', `"${role}" is not one of ${ROLES.join(', ')}.`);
  return role;
};

const storeToken = async (store: TokenStore, token: Omit<ApiToken, 'id' | 'secretHash' | 'revokedAt'>) => {
  const id = randomBytes(8).toString('hex');
  const secret = newSecret();
  await store.createApiToken({ ...token, id, secretHash: hashSecret(secret), revokedAt: null });
  return { token: `${id}.${secret}`, id, roles: token.roles, schools: token.schools };
};

/** Creates a service token (a script, a wallboard: no person) and returns the only copy of its text. */
export const createApiToken = async (store: TokenStore, request: TokenRequest, now: number) => {
  const { role, schoolId, label } = request;
  checkRole(role);
  if (schoolId !== undefined && !(await store.getSchool(schoolId))) {
    throw new InvigilatorError('SCHOOL_UNKNOWN', `(${schoolId})`);
  }
  return storeToken(store, {
    personId: null, roles: [role as Role], schools: schoolId === undefined ? 'all' : [schoolId],
    label: label ?? `${role} token`, createdAt: now,
  });
};

/** Creates a token for a person: their roles and schools, or fewer when asked; never more. */
export const createPersonToken = async (
  store: TokenStore & Pick<StoreOps, 'getPersonByEmail'>, request: PersonTokenRequest, now: number,
) => {
  const person = await personByEmail(store, request.email);
  if (person.disabledAt !== null) throw new InvigilatorError('TOKEN_RIGHTS_EXCEEDED', `${person.email} is disabled.`);
  const roles = (request.roles ?? []).map(checkRole);
  const schools = request.schools ?? [];
  for (const role of roles) {
    if (!person.roles.includes(role)) throw new InvigilatorError('TOKEN_RIGHTS_EXCEEDED', `${person.email} is not ${role}.`);
  }
  if (!schoolsWithin(schools, person.schools)) {
    throw new InvigilatorError('TOKEN_RIGHTS_EXCEEDED', `${person.email} covers ${describeSchools(person.schools)}, not ${schools.join(', ')}.`);
  }
  return storeToken(store, {
    personId: person.id, roles: roles.length > 0 ? [...new Set(roles)] : person.roles,
    schools: schools.length > 0 ? [...new Set(schools)] : person.schools,
    label: request.label ?? `${person.name}'s token`, createdAt: now,
  });
};

/** The live token this text names, or API_TOKEN_INVALID. */
export const verifyApiToken = async (store: Pick<StoreOps, 'getApiToken'>, text: string): Promise<ApiToken> => {
  const dot = text.indexOf('.');
  const row = dot > 0 ? await store.getApiToken(text.slice(0, dot)) : undefined;
  const secret = dot > 0 ? text.slice(dot + 1) : '';
  // Hash the presented secret even for an unknown id, so timing does not tell ids apart.
  const matches = secretMatches(secret, row?.secretHash ?? hashSecret(newSecret()));
  if (!row || !matches || row.revokedAt !== null) throw new InvigilatorError('API_TOKEN_INVALID');
  return row;
};

/**
 * What a live token may do now: a service token its own rights; a person's token the part of its rights
 * the person still holds, nothing once they are disabled (API_TOKEN_INVALID).
 */
export const tokenRights = async (
  store: Pick<StoreOps, 'getPerson'>, token: ApiToken,
): Promise<{ person: Person | undefined; rights: Rights }> => {
  if (token.personId === null) return { person: undefined, rights: token };
  const person = await store.getPerson(token.personId);
  if (!person || person.disabledAt !== null) throw new InvigilatorError('API_TOKEN_INVALID', 'Its person is disabled.');
  return { person, rights: intersectRights(token, person) };
};

/** Revokes a token by id: refused from its next use on. */
export const revokeApiToken = async (store: Pick<StoreOps, 'revokeApiToken' | 'getApiToken'>, id: string, now: number) => {
  const token = await store.getApiToken(id);
  if (!token) throw new InvigilatorError('TOKEN_UNKNOWN', `(${id})`);
  return { token, changed: await store.revokeApiToken(id, now) };
};
