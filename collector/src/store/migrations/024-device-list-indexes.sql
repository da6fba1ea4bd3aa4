-- The paged device list (by host name, last seen, platform, failing checks, silence) and the overview's counts.
ALTER TABLE devices ADD COLUMN platform TEXT GENERATED ALWAYS AS (json_extract(facts, '$.platform')) VIRTUAL;
CREATE INDEX devices_hostname ON devices(hostname COLLATE NOCASE, id);
CREATE INDEX devices_last_seen ON devices(last_seen_at, id);
CREATE INDEX verdicts_device_status ON verdicts(device_id, status);
CREATE INDEX alerts_device_status ON alerts(device_id, category, status);
