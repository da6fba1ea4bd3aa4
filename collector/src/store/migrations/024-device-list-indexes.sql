-- The paged device list: by school and host name, by last seen, by platform; and the audit log's filters.
ALTER TABLE devices ADD COLUMN platform TEXT GENERATED ALWAYS AS (json_extract(facts, '$.platform')) VIRTUAL;
CREATE INDEX devices_hostname ON devices(hostname COLLATE NOCASE, id);
CREATE INDEX devices_last_seen ON devices(last_seen_at, id);
CREATE INDEX verdicts_status ON verdicts(status, check_name, device_id);
CREATE INDEX audit_log_at ON audit_log(at DESC, id DESC);
CREATE INDEX alerts_device_status ON alerts(device_id, category, status);
