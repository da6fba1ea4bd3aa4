// API tokens on SQLite: roles and schools as JSON arrays beside the hashed secret.
import type { Statements, Row } from './sqlite-statements.ts';
import type { ApiToken, TokenOps } from './tokens-types.ts';
import type { Role } from './types.ts';

const TOKEN_COLUMNS = `id, secret_hash AS secretHash, person_id AS personId, roles, all_schools AS allSchools, schools,
  label, created_at AS createdAt, revoked_at AS revokedAt`;

const toToken = (row: Row): ApiToken => ({
  id: String(row.id),
  secretHash: String(row.secretHash),
  personId: row.personId === null ? null : String(row.personId),
  roles: JSON.parse(String(row.roles)) as Role[],
  schools: Number(row.allSchools) === 1 ? 'all' : JSON.parse(String(row.schools)) as string[],
  label: String(row.label),
  createdAt: Number(row.createdAt),
  revokedAt: row.revokedAt === null ? null : Number(row.revokedAt),
});

export const createSqliteTokenOps = ({ one, all, run }: Statements): TokenOps => ({
  async createApiToken(t) {
    run(`INSERT INTO api_tokens (id, secret_hash, person_id, roles, all_schools, schools, label, created_at, revoked_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, t.id, t.secretHash, t.personId, JSON.stringify(t.roles), t.schools === 'all' ? 1 : 0,
    JSON.stringify(t.schools === 'all' ? [] : t.schools), t.label, t.createdAt, t.revokedAt);
  },
  async getApiToken(id) {
    const row = one(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`, id);
    return row && toToken(row);
  },
  async listApiTokens() {
    return all(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at DESC, id`).map(toToken);
  },
  async revokeApiToken(id, at) {
    return run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id) > 0;
  },
});
