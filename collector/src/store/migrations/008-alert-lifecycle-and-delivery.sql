-- One alert lifecycle: who did what to an alert and when, the first and last event of a repeat or a
-- burst, a severity rank to order lists by; then where alerts go (channels, routes) and the outbox of
-- notifications written in the same transaction as the alert change that causes them.
ALTER TABLE alerts ADD COLUMN severity_rank INTEGER NOT NULL DEFAULT 0;
UPDATE alerts SET severity_rank = CASE severity WHEN 'critical' THEN 3 WHEN 'warning' THEN 2 WHEN 'info' THEN 1 ELSE 0 END;
ALTER TABLE alerts ADD COLUMN first_event TEXT;
ALTER TABLE alerts ADD COLUMN last_event TEXT;
ALTER TABLE alerts ADD COLUMN escalated_at INTEGER;
-- Lists: severity first, then the newest activity, paged by (rank, last_seen_at, id).
CREATE INDEX alerts_school_order ON alerts(school_id, severity_rank DESC, last_seen_at DESC, id);
CREATE INDEX alerts_device_opened ON alerts(device_id, category, opened_at);

CREATE TABLE alert_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('opened', 'reopened', 'severity-raised', 'escalated', 'acknowledged', 'resolved', 'folded')),
  by TEXT NOT NULL,
  note TEXT
);
CREATE INDEX alert_history_alert ON alert_history(alert_id, id);

CREATE TABLE channels (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook', 'syslog')),
  -- What a person may read: the address without its password, the format, the sender...
  settings TEXT NOT NULL,
  -- ...and what nobody reads back: SMTP password, webhook address with its token, HMAC key.
  secret TEXT NOT NULL,
  -- The role whose view a shared channel (webhook, syslog) receives; NULL for email (each person's own).
  audience TEXT CHECK (audience IN ('admin', 'network-manager', 'technician', 'dsl')),
  created_at INTEGER NOT NULL,
  disabled_at INTEGER
);
CREATE INDEX channels_school ON channels(school_id);

-- A school's own routes replace the defaults for the categories they name.
CREATE TABLE routes (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  category TEXT NOT NULL CHECK (category IN ('posture', 'misuse', 'availability')),
  role TEXT NOT NULL CHECK (role IN ('admin', 'network-manager', 'technician', 'dsl')),
  min_severity TEXT NOT NULL CHECK (min_severity IN ('info', 'warning', 'critical')),
  -- 1: told when the alert opens; 2: told when a critical alert stays unacknowledged.
  step INTEGER NOT NULL CHECK (step IN (1, 2)),
  created_at INTEGER NOT NULL
);
CREATE INDEX routes_school ON routes(school_id, category);

CREATE TABLE school_alert_settings (
  school_id TEXT PRIMARY KEY REFERENCES schools(id),
  escalate_after_minutes INTEGER NOT NULL,
  flood_limit INTEGER NOT NULL,
  flood_window_minutes INTEGER NOT NULL
);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  alert_id TEXT,
  channel_id TEXT NOT NULL REFERENCES channels(id),
  person_id TEXT REFERENCES people(id),
  -- An email address, or the channel's own destination for webhook and syslog.
  recipient TEXT NOT NULL,
  reason TEXT NOT NULL,
  message TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX notifications_due ON notifications(status, next_attempt_at);
CREATE INDEX notifications_school_created ON notifications(school_id, created_at);
