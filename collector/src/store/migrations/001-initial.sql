-- Times are epoch milliseconds; JSON columns hold text written by the collector.
CREATE TABLE schools (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  enrolment_secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  hostname TEXT NOT NULL,
  facts TEXT NOT NULL,
  credential_hash TEXT NOT NULL,
  enrolled_at INTEGER NOT NULL,
  last_seen_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX devices_school ON devices(school_id);

CREATE TABLE events (
  device_id TEXT NOT NULL REFERENCES devices(id),
  seq INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('observation', 'misuse')),
  check_name TEXT,
  payload TEXT NOT NULL,
  PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;

CREATE TABLE verdicts (
  device_id TEXT NOT NULL REFERENCES devices(id),
  check_name TEXT NOT NULL,
  status TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  clause_id TEXT NOT NULL,
  clause_text TEXT NOT NULL,
  since INTEGER NOT NULL,
  evaluated_at INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (device_id, check_name)
);

CREATE TABLE verdict_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  device_id TEXT NOT NULL REFERENCES devices(id),
  check_name TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  clause_id TEXT NOT NULL,
  changed_at INTEGER NOT NULL,
  seq INTEGER NOT NULL
);
CREATE INDEX verdict_changes_device ON verdict_changes(device_id, changed_at);

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  device_id TEXT REFERENCES devices(id),
  category TEXT NOT NULL CHECK (category IN ('posture', 'misuse', 'availability')),
  severity TEXT NOT NULL,
  dedup_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  check_name TEXT,
  clause_id TEXT NOT NULL,
  clause_text TEXT NOT NULL,
  detail TEXT NOT NULL,
  occurrences INTEGER NOT NULL,
  opened_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  resolved_at INTEGER,
  resolved_by TEXT
);
-- At most one unresolved alert per dedup key: repeats count on it.
CREATE UNIQUE INDEX alerts_unresolved_dedup ON alerts(school_id, dedup_key) WHERE status <> 'resolved';
CREATE INDEX alerts_school_status ON alerts(school_id, status, category);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  school_id TEXT REFERENCES schools(id),
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  token_id TEXT NOT NULL,
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  school_id TEXT
);

CREATE TABLE policy_packs (
  school_id TEXT PRIMARY KEY REFERENCES schools(id),
  pack TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
