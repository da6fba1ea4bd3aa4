-- API tokens belong to a person (their rights, optionally narrowed) or are service tokens (person_id NULL).
-- Roles and schools become lists; every earlier token keeps working as a service token with its one role
-- and its one school (or all).
CREATE TABLE api_tokens_v2 (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  person_id TEXT REFERENCES people(id),
  roles TEXT NOT NULL,          -- JSON array of roles
  all_schools INTEGER NOT NULL CHECK (all_schools IN (0, 1)),
  schools TEXT NOT NULL,        -- JSON array of school ids; [] when all_schools = 1
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
INSERT INTO api_tokens_v2 (id, secret_hash, person_id, roles, all_schools, schools, label, created_at, revoked_at)
  SELECT id, secret_hash, NULL, json_array(role), school_id IS NULL,
    CASE WHEN school_id IS NULL THEN json_array() ELSE json_array(school_id) END, label, created_at, revoked_at
  FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_v2 RENAME TO api_tokens;
CREATE INDEX api_tokens_person ON api_tokens(person_id);

-- The audit log names the person (by email, kept as written: the person may be deleted later), the token
-- or the sign-in session, and every role the caller held.
CREATE TABLE audit_log_v2 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  person_email TEXT,
  token_id TEXT,
  session_id TEXT,
  roles TEXT NOT NULL,          -- JSON array of roles
  label TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  school_id TEXT
);
INSERT INTO audit_log_v2 (id, at, person_email, token_id, session_id, roles, label, action, target, school_id)
  SELECT id, at, NULL, token_id, NULL, json_array(role), label, action, target, school_id FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v2 RENAME TO audit_log;
CREATE INDEX audit_log_school_age ON audit_log(school_id, at);
