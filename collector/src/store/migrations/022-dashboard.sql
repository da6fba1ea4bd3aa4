-- The dashboard: a misuse alert refers to the events that raised it (their device-supplied text is stored
-- once, in the events), case notes on an incident, and each device's outbox backlog from its latest heartbeat.
CREATE TABLE alert_events (
  alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  device_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (alert_id, seq)
) WITHOUT ROWID;
CREATE INDEX alert_events_event ON alert_events(device_id, seq);

-- Safeguarding data: written by the DSL, deleted with the incident by retention.
CREATE TABLE alert_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  by TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX alert_notes_alert ON alert_notes(alert_id, id);

ALTER TABLE devices ADD COLUMN outbox_depth INTEGER;
ALTER TABLE devices ADD COLUMN outbox_reported_at INTEGER;
