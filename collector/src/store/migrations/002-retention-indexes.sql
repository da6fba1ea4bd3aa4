-- The daily retention job deletes by age within one school: these let it reach the old
-- rows directly instead of reading every event and audit entry while holding the write lock.
CREATE INDEX events_device_kind_age ON events(device_id, kind, occurred_at);
CREATE INDEX audit_log_school_age ON audit_log(school_id, at);
