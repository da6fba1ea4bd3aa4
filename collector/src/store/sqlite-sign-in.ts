// Passwords, sessions and failed sign-ins on SQLite.
import type { SignInOps, StoredSession } from './sign-in-types.ts';
import type { Statements } from './sqlite-statements.ts';

const SESSION_COLUMNS = `id_hash AS idHash, handle, person_id AS personId, csrf_token AS csrfToken, method, address,
  created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt, ended_at AS endedAt`;

export const createSqliteSignInOps = ({ one, run }: Statements): SignInOps => ({
  async setPasswordHash(personId, hash, at) {
    run(`INSERT INTO person_passwords (person_id, hash, set_at) VALUES (?, ?, ?)
      ON CONFLICT (person_id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at`, personId, hash, at);
  },
  async getPasswordHash(personId) {
    const row = one('SELECT hash FROM person_passwords WHERE person_id = ?', personId);
    return row && String(row.hash);
  },

  async createSession(s) {
    run(`INSERT INTO sessions (id_hash, handle, person_id, csrf_token, method, address, created_at, last_seen_at, expires_at, ended_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.idHash, s.handle, s.personId, s.csrfToken, s.method, s.address, s.createdAt,
    s.lastSeenAt, s.expiresAt, s.endedAt);
  },
  async getSession(idHash) {
    return one(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id_hash = ?`, idHash) as StoredSession | undefined;
  },
  async touchSession(idHash, at) {
    run('UPDATE sessions SET last_seen_at = MAX(last_seen_at, ?) WHERE id_hash = ?', at, idHash);
  },
  async endSession(idHash, at) {
    return run('UPDATE sessions SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL', at, idHash) > 0;
  },

  async deleteSessionsExpiredBefore(before) {
    return run('DELETE FROM sessions WHERE expires_at < ?', before);
  },

  async recordSignInFailure(key, at) {
    run('INSERT INTO sign_in_failures (key, at) VALUES (?, ?)', key, at);
  },
  async countSignInFailures(key, since) {
    return Number(one('SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = ? AND at >= ?', key, since)?.n ?? 0);
  },
  async clearSignInFailures(key) {
    run('DELETE FROM sign_in_failures WHERE key = ?', key);
  },
  async lockSignIn(key, until) {
    run(`INSERT INTO sign_in_locks (key, until) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET until = MAX(until, excluded.until)`, key, until);
  },
  async signInLockedUntil(key, at) {
    const row = one('SELECT until FROM sign_in_locks WHERE key = ? AND until > ?', key, at);
    return row && Number(row.until);
  },
  async deleteSignInFailuresBefore(before) {
    return run('DELETE FROM sign_in_failures WHERE at < ?', before);
  },
});
