// Passwords, sessions and failed sign-ins on PostgreSQL.
import { selectList, type PgQueries } from './pg-queries.ts';
import type { SignInOps, StoredSession } from './sign-in-types.ts';

const SESSION_COLUMNS = selectList('id_hash handle person_id csrf_token method address created_at last_seen_at expires_at ended_at');

export const createPgSignInOps = ({ one, run }: PgQueries): SignInOps => ({
  async setPasswordHash(personId, hash, at) {
    await run(`INSERT INTO person_passwords (person_id, hash, set_at) VALUES ($1, $2, $3)
      ON CONFLICT (person_id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at`, personId, hash, at);
  },
  async getPasswordHash(personId) {
    const row = await one('SELECT hash FROM person_passwords WHERE person_id = $1', personId);
    return row && String(row.hash);
  },

  async createSession(s) {
    await run(`INSERT INTO sessions (id_hash, handle, person_id, csrf_token, method, address, created_at, last_seen_at, expires_at, ended_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, s.idHash, s.handle, s.personId, s.csrfToken, s.method, s.address, s.createdAt,
    s.lastSeenAt, s.expiresAt, s.endedAt);
  },
  async getSession(idHash) {
    return await one(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id_hash = $1`, idHash) as StoredSession | undefined;
  },
  async touchSession(idHash, at) {
    await run('UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, $1) WHERE id_hash = $2', at, idHash);
  },
  async endSession(idHash, at) {
    return await run('UPDATE sessions SET ended_at = $1 WHERE id_hash = $2 AND ended_at IS NULL', at, idHash) > 0;
  },
  async deleteSessionsExpiredBefore(before) {
    return run('DELETE FROM sessions WHERE expires_at < $1', before);
  },

  async recordSignInFailure(key, at) {
    await run('INSERT INTO sign_in_failures (key, at) VALUES ($1, $2)', key, at);
  },
  async countSignInFailures(key, since) {
    return Number((await one('SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = $1 AND at >= $2', key, since))?.n ?? 0);
  },
  async clearSignInFailures(key) {
    await run('DELETE FROM sign_in_failures WHERE key = $1', key);
  },
  async lockSignIn(key, until) {
    await run(`INSERT INTO sign_in_locks (key, until) VALUES ($1, $2)
      ON CONFLICT (key) DO UPDATE SET until = GREATEST(sign_in_locks.until, excluded.until)`, key, until);
  },
  async signInLockedUntil(key, at) {
    const row = await one('SELECT until FROM sign_in_locks WHERE key = $1 AND until > $2', key, at);
    return row && Number(row.until);
  },
  async deleteSignInFailuresBefore(before) {
    return run('DELETE FROM sign_in_failures WHERE at < $1', before);
  },
});
