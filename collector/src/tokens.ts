// API tokens: "<id>.<secret>". The id finds the row; the secret is stored only hashed.
import { randomBytes } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { hashSecret, newSecret, secretMatches } from './secrets.ts';
import { isRole, type ApiToken, type Role, type StoreOps } from './store/types.ts';

export interface TokenRequest { role: string; schoolId?: string | undefined; label?: string | undefined }

/** Creates a token and returns the only copy of its text. */
export const createApiToken = async (
  store: Pick<StoreOps, 'createApiToken' | 'getSchool'>, request: TokenRequest, now: number,
): Promise<{ token: string; id: string; role: Role }> => {
  const { role, schoolId, label } = request;
  if (!isRole(role)) throw new InvigilatorError('ROLE_UNKNOWN', `"${role}" is not one of admin, network-manager, technician, dsl, governor.`);
  if (schoolId !== undefined && !(await store.getSchool(schoolId))) {
    throw new InvigilatorError('SCHOOL_UNKNOWN', `(${schoolId})`);
  }
  const id = randomBytes(8).toString('hex');
  const secret = newSecret();
  await store.createApiToken({
    id, secretHash: hashSecret(secret), role, schoolId: schoolId ?? null, label: label ?? `${role} token`,
    createdAt: now, revokedAt: null,
  });
  return { token: `${id}.${secret}`, id, role };
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
