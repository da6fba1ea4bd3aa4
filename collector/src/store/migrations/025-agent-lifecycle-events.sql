-- Events gain a third kind: 'lifecycle', the agent's own last event (why it stopped: shutdown, restart,
-- service stopped, upgrade, uninstall). SQLite cannot change a CHECK constraint in place, so the table is
-- copied once (on a large collector this first start after the upgrade takes a while) and its indexes made again.
CREATE TABLE events_new (
  device_id TEXT NOT NULL REFERENCES devices(id),
  seq INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('observation', 'misuse', 'lifecycle')),
  check_name TEXT,
  payload TEXT NOT NULL,
  PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;
INSERT INTO events_new (device_id, seq, occurred_at, received_at, kind, check_name, payload)
  SELECT device_id, seq, occurred_at, received_at, kind, check_name, payload FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_device_kind_received ON events(device_id, kind, received_at);
CREATE INDEX events_device_check_time ON events(device_id, check_name, occurred_at);
