-- The dashboard, as SQLite's 022-024: the events behind a misuse alert, case notes, each device's outbox backlog,
-- what each person has been shown of safeguarding data, and the indexes of the paged device list and overview.
CREATE TABLE alert_events (
  alert_id TEXT COLLATE "C" NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  device_id TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (alert_id, seq)
);
CREATE INDEX alert_events_event ON alert_events(device_id, seq);

-- Safeguarding data: written by the DSL, deleted with the incident by retention.
CREATE TABLE alert_notes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id TEXT COLLATE "C" NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  by TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX alert_notes_alert ON alert_notes(alert_id, id);

ALTER TABLE devices ADD COLUMN outbox_depth BIGINT;
ALTER TABLE devices ADD COLUMN outbox_reported_at BIGINT;

-- Deleted with the school's audit log by retention.
CREATE TABLE safeguarding_views (
  viewer TEXT COLLATE "C" NOT NULL,
  item TEXT COLLATE "C" NOT NULL,
  version TEXT COLLATE "C" NOT NULL,
  school_id TEXT COLLATE "C" NOT NULL,
  shown_at BIGINT NOT NULL,
  PRIMARY KEY (viewer, item)
);
CREATE INDEX safeguarding_views_school ON safeguarding_views(school_id, shown_at);

-- Host names sort without case, ASCII only (lower() under the "C" collation), as SQLite's NOCASE does.
ALTER TABLE devices ADD COLUMN platform TEXT COLLATE "C" GENERATED ALWAYS AS (facts::jsonb ->> 'platform') STORED;
CREATE INDEX devices_hostname ON devices(lower(hostname), id);
CREATE INDEX devices_last_seen ON devices(last_seen_at, id);
CREATE INDEX verdicts_device_status ON verdicts(device_id, status);
CREATE INDEX alerts_device_status ON alerts(device_id, category, status);
