-- The collector's schema on PostgreSQL: the same tables and meaning as the SQLite migrations up to 021.
-- Times are epoch milliseconds (bigint); JSON columns hold text written by the collector. Every text
-- column compares and sorts byte by byte (COLLATE "C"), as SQLite does, so both engines list alike.
CREATE TABLE schools (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  enrolment_secret_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE devices (
  id TEXT COLLATE "C" PRIMARY KEY,
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  hostname TEXT COLLATE "C" NOT NULL,
  facts TEXT NOT NULL,
  credential_hash TEXT NOT NULL,
  enrolled_at BIGINT NOT NULL,
  last_seen_at BIGINT,
  revoked_at BIGINT,
  -- The highest seq ever stored (retention does not lower it) and the highest retention deleted.
  highest_seq BIGINT NOT NULL DEFAULT 0,
  pruned_seq BIGINT NOT NULL DEFAULT 0,
  hardware_serial TEXT COLLATE "C" NOT NULL DEFAULT '',
  duplicate_of TEXT COLLATE "C" REFERENCES devices(id),
  duplicate_reason TEXT,
  outbox_id TEXT COLLATE "C",
  seq_offset BIGINT NOT NULL DEFAULT 0,
  held_since BIGINT
);
CREATE INDEX devices_school ON devices(school_id, hostname, id);
CREATE INDEX devices_school_hostname ON devices(school_id, lower(hostname));
CREATE INDEX devices_school_serial ON devices(school_id, hardware_serial) WHERE hardware_serial <> '';
CREATE INDEX devices_school_enrolled ON devices(school_id, enrolled_at);

-- One row per (device, seq) whatever the interleaving: a resend is stored once.
CREATE TABLE events (
  device_id TEXT COLLATE "C" NOT NULL REFERENCES devices(id),
  seq BIGINT NOT NULL,
  occurred_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('observation', 'misuse')),
  check_name TEXT COLLATE "C",
  payload TEXT NOT NULL,
  PRIMARY KEY (device_id, seq)
);
CREATE INDEX events_device_kind_received ON events(device_id, kind, received_at);
CREATE INDEX events_device_check_time ON events(device_id, check_name, occurred_at);

CREATE TABLE verdicts (
  device_id TEXT COLLATE "C" NOT NULL REFERENCES devices(id),
  check_name TEXT COLLATE "C" NOT NULL,
  status TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  clause_id TEXT NOT NULL,
  clause_text TEXT NOT NULL,
  since BIGINT NOT NULL,
  evaluated_at BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (device_id, check_name)
);

CREATE TABLE verdict_changes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id TEXT COLLATE "C" NOT NULL REFERENCES devices(id),
  check_name TEXT COLLATE "C" NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  clause_id TEXT NOT NULL,
  changed_at BIGINT NOT NULL,
  seq BIGINT NOT NULL
);
CREATE INDEX verdict_changes_device ON verdict_changes(device_id, changed_at);
CREATE INDEX verdict_changes_age ON verdict_changes(changed_at);

CREATE TABLE alerts (
  id TEXT COLLATE "C" PRIMARY KEY,
  -- Insertion order, to tell apart two alerts of one key opened in the same millisecond.
  created_order BIGINT GENERATED ALWAYS AS IDENTITY,
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  device_id TEXT COLLATE "C" REFERENCES devices(id),
  category TEXT NOT NULL CHECK (category IN ('posture', 'misuse', 'availability')),
  severity TEXT COLLATE "C" NOT NULL,
  severity_rank INTEGER NOT NULL DEFAULT 0,
  dedup_key TEXT COLLATE "C" NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  check_name TEXT COLLATE "C",
  clause_id TEXT NOT NULL,
  clause_text TEXT NOT NULL,
  detail TEXT NOT NULL,
  occurrences INTEGER NOT NULL,
  opened_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  acknowledged_at BIGINT,
  acknowledged_by TEXT,
  resolved_at BIGINT,
  resolved_by TEXT,
  escalated_at BIGINT,
  first_event TEXT,
  last_event TEXT
);
-- At most one unresolved alert per dedup key whatever the interleaving: a second opening waits for the
-- first and then finds it (INSERT ... ON CONFLICT DO NOTHING), and repeats count on it.
CREATE UNIQUE INDEX alerts_unresolved_dedup ON alerts(school_id, dedup_key) WHERE status <> 'resolved';
CREATE INDEX alerts_school_status ON alerts(school_id, status, category);
CREATE INDEX alerts_school_order ON alerts(school_id, severity_rank DESC, last_seen_at DESC, id);
CREATE INDEX alerts_device_opened ON alerts(device_id, category, opened_at);
CREATE INDEX alerts_school_key_opened ON alerts(school_id, dedup_key, opened_at);

CREATE TABLE alert_history (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id TEXT COLLATE "C" NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('opened', 'reopened', 'severity-raised', 'escalated', 'acknowledged', 'resolved', 'folded')),
  by TEXT NOT NULL,
  note TEXT
);
CREATE INDEX alert_history_alert ON alert_history(alert_id, id);

CREATE TABLE people (
  id TEXT COLLATE "C" PRIMARY KEY,
  email TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  -- true: every school of the collector (a trust's network manager); false: only those in person_schools.
  all_schools BOOLEAN NOT NULL DEFAULT false,
  created_at BIGINT NOT NULL,
  disabled_at BIGINT
);
-- Emails compare without case (ASCII, as SQLite's NOCASE does).
CREATE UNIQUE INDEX people_email ON people(lower(email));

CREATE TABLE person_roles (
  person_id TEXT COLLATE "C" NOT NULL REFERENCES people(id),
  role TEXT COLLATE "C" NOT NULL CHECK (role IN ('admin', 'network-manager', 'technician', 'dsl', 'governor')),
  PRIMARY KEY (person_id, role)
);
CREATE INDEX person_roles_role ON person_roles(role, person_id);

CREATE TABLE person_schools (
  person_id TEXT COLLATE "C" NOT NULL REFERENCES people(id),
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  PRIMARY KEY (person_id, school_id)
);
CREATE INDEX person_schools_school ON person_schools(school_id, person_id);

CREATE TABLE api_tokens (
  id TEXT COLLATE "C" PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  person_id TEXT COLLATE "C" REFERENCES people(id),
  roles TEXT NOT NULL,          -- JSON array of roles
  all_schools BOOLEAN NOT NULL,
  schools TEXT NOT NULL,        -- JSON array of school ids; [] when all_schools
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX api_tokens_person ON api_tokens(person_id);

CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  person_email TEXT,
  token_id TEXT,
  session_id TEXT,
  roles TEXT NOT NULL,          -- JSON array of roles
  label TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  school_id TEXT COLLATE "C"
);
CREATE INDEX audit_log_school_age ON audit_log(school_id, at);

CREATE TABLE policy_packs (
  school_id TEXT COLLATE "C" PRIMARY KEY REFERENCES schools(id),
  pack TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE policy_pack_changes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  pack_id TEXT NOT NULL,
  version TEXT NOT NULL,
  name TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX policy_pack_changes_school ON policy_pack_changes(school_id, changed_at);

CREATE TABLE person_passwords (
  person_id TEXT COLLATE "C" PRIMARY KEY REFERENCES people(id),
  hash TEXT NOT NULL,
  set_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  id_hash TEXT COLLATE "C" PRIMARY KEY,
  handle TEXT COLLATE "C" NOT NULL UNIQUE,
  person_id TEXT COLLATE "C" NOT NULL REFERENCES people(id),
  csrf_token TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('oidc', 'password')),
  address TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ended_at BIGINT
);
CREATE INDEX sessions_person ON sessions(person_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE sign_in_failures (
  key TEXT COLLATE "C" NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures(key, at);

CREATE TABLE sign_in_locks (
  key TEXT COLLATE "C" PRIMARY KEY,
  until BIGINT NOT NULL
);

CREATE TABLE channels (
  id TEXT COLLATE "C" PRIMARY KEY,
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook', 'syslog')),
  settings TEXT NOT NULL,
  secret TEXT NOT NULL,
  audience TEXT CHECK (audience IN ('admin', 'network-manager', 'technician', 'dsl')),
  created_at BIGINT NOT NULL,
  disabled_at BIGINT
);
CREATE INDEX channels_school ON channels(school_id);

CREATE TABLE routes (
  id TEXT COLLATE "C" PRIMARY KEY,
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  category TEXT COLLATE "C" NOT NULL CHECK (category IN ('posture', 'misuse', 'availability')),
  role TEXT COLLATE "C" NOT NULL CHECK (role IN ('admin', 'network-manager', 'technician', 'dsl')),
  min_severity TEXT NOT NULL CHECK (min_severity IN ('info', 'warning', 'critical')),
  step INTEGER NOT NULL CHECK (step IN (1, 2)),
  created_at BIGINT NOT NULL
);
CREATE INDEX routes_school ON routes(school_id, category);

CREATE TABLE school_alert_settings (
  school_id TEXT COLLATE "C" PRIMARY KEY REFERENCES schools(id),
  escalate_after_minutes INTEGER NOT NULL,
  flood_limit INTEGER NOT NULL,
  flood_window_minutes INTEGER NOT NULL
);

CREATE TABLE notifications (
  id TEXT COLLATE "C" PRIMARY KEY,
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  alert_id TEXT COLLATE "C",
  channel_id TEXT COLLATE "C" NOT NULL REFERENCES channels(id),
  person_id TEXT COLLATE "C" REFERENCES people(id),
  recipient TEXT NOT NULL,
  reason TEXT NOT NULL,
  message TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE INDEX notifications_due ON notifications(status, next_attempt_at);
CREATE INDEX notifications_school_created ON notifications(school_id, created_at);

CREATE TABLE digest_subscriptions (
  person_id TEXT COLLATE "C" PRIMARY KEY REFERENCES people(id),
  at_time TEXT NOT NULL CHECK (at_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  time_zone TEXT NOT NULL,
  last_sent_on TEXT
);

CREATE TABLE terms (
  scope TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  start_date TEXT COLLATE "C" NOT NULL,
  end_date TEXT COLLATE "C" NOT NULL,
  holidays TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (scope, name)
);

CREATE TABLE firewall_exception_reasons (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  rule_key TEXT COLLATE "C" NOT NULL,
  reason TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX firewall_exception_reasons_school ON firewall_exception_reasons(school_id, rule_key, id);

CREATE TABLE enrolment_limits (
  school_id TEXT COLLATE "C" PRIMARY KEY REFERENCES schools(id),
  per_hour INTEGER NOT NULL CHECK (per_hour >= 0),
  total INTEGER NOT NULL CHECK (total >= 0)
);

CREATE TABLE enrolment_holds (
  school_id TEXT COLLATE "C" PRIMARY KEY REFERENCES schools(id)
);

CREATE TABLE chromeos_connections (
  school_id TEXT COLLATE "C" PRIMARY KEY REFERENCES schools(id),
  customer_id TEXT NOT NULL,
  service_account_file TEXT NOT NULL,
  admin_email TEXT NOT NULL,
  org_unit_path TEXT,
  api_base TEXT,
  connected_at BIGINT NOT NULL,
  last_sync_at BIGINT,
  last_full_sync_at BIGINT,
  last_error_code TEXT,
  last_error TEXT,
  last_error_at BIGINT
);

CREATE TABLE chromeos_devices (
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  directory_device_id TEXT COLLATE "C" NOT NULL,
  record TEXT NOT NULL,
  read_at BIGINT NOT NULL,
  device_id TEXT COLLATE "C" UNIQUE REFERENCES devices(id),
  connector_seq BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (school_id, directory_device_id)
);
