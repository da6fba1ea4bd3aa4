// API tokens on PostgreSQL: roles and schools as JSON arrays beside the hashed secret.
import type { PgQueries, PgRow } from './pg-queries.ts';
import type { ApiToken, TokenOps } from './tokens-types.ts';
import type { Role } from './types.ts';

const TOKEN_COLUMNS = `id, secret_hash AS "secretHash", person_id AS "personId", roles, all_schools AS "allSchools", schools,
  label, created_at AS "createdAt", revoked_at AS "revokedAt"`;

const toToken = (row: PgRow): ApiToken => ({
  id: String(row.id),
  secretHash: String(row.secretHash),
  personId: row.personId === null ? null : String(row.personId),
  roles: JSON.parse(String(row.roles)) as Role[],
  schools: row.allSchools === true ? 'all' : JSON.parse(String(row.schools)) as string[],
  label: String(row.label),
  createdAt: Number(row.createdAt),
  revokedAt: row.revokedAt === null ? null : Number(row.revokedAt),
});

export const createPgTokenOps = ({ one, all, run }: PgQueries): TokenOps => ({
  async createApiToken(t) {
    await run(`INSERT INTO api_tokens (id, secret_hash, person_id, roles, all_schools, schools, label, created_at, revoked_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, t.id, t.secretHash, t.personId, JSON.stringify(t.roles), t.schools === 'all',
    JSON.stringify(t.schools === 'all' ? [] : t.schools), t.label, t.createdAt, t.revokedAt);
  },
  async getApiToken(id) {
    const row = await one(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1`, id);
    return row && toToken(row);
  },
  async listApiTokens() {
    return (await all(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at DESC, id`)).map(toToken);
  },
  async revokeApiToken(id, at) {
    return await run('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', at, id) > 0;
  },
});
