-- Google Admin connector: one connection per school, its sync state, and the Chromebooks it read.
CREATE TABLE chromeos_connections (
  school_id TEXT PRIMARY KEY REFERENCES schools(id),
  customer_id TEXT NOT NULL,
  service_account_file TEXT NOT NULL,
  admin_email TEXT NOT NULL,
  org_unit_path TEXT,
  api_base TEXT,
  connected_at INTEGER NOT NULL,
  -- When a sync last finished well, and when it last read every device (not only recently synced ones).
  last_sync_at INTEGER,
  last_full_sync_at INTEGER,
  last_error_code TEXT,
  last_error TEXT,
  last_error_at INTEGER
);

CREATE TABLE chromeos_devices (
  school_id TEXT NOT NULL REFERENCES schools(id),
  directory_device_id TEXT NOT NULL,
  -- The record as the connector read it (chromebook-record.ts), JSON.
  record TEXT NOT NULL,
  read_at INTEGER NOT NULL,
  -- The school's device this Chromebook is (one Chromebook = one device, whether the connector or the extension saw it first).
  device_id TEXT UNIQUE REFERENCES devices(id),
  -- The last number of the connector's own event series for the device (see connectors/chromeos/series.ts); never lowered.
  connector_seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (school_id, directory_device_id)
) WITHOUT ROWID;
