-- Retention now deletes events by when the collector received them (a device's clock may be wrong),
-- so it reaches them through received_at; the index on the device's time serves nothing any more.
CREATE INDEX events_device_kind_received ON events(device_id, kind, received_at);
DROP INDEX events_device_kind_age;
