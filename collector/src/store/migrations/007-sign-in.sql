-- Sign-in: local passwords, cookie sessions, and failed attempts for rate limits and locks.
CREATE TABLE person_passwords (
  person_id TEXT PRIMARY KEY REFERENCES people(id),
  -- "scrypt$N$r$p$<salt base64>$<key base64>": the parameters travel with the hash so they can be raised.
  hash TEXT NOT NULL,
  set_at INTEGER NOT NULL
);

-- A session is found by the sha256 of its cookie value; the value itself is never stored.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  -- A short public handle for logs and the audit trail (the id itself is a credential).
  handle TEXT NOT NULL UNIQUE,
  person_id TEXT NOT NULL REFERENCES people(id),
  csrf_token TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('oidc', 'password')),
  address TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE INDEX sessions_person ON sessions(person_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

-- One row per failed sign-in, under two keys: "account:<email>" and "address:<ip>".
CREATE TABLE sign_in_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures(key, at);

CREATE TABLE sign_in_locks (
  key TEXT PRIMARY KEY,
  until INTEGER NOT NULL
);
