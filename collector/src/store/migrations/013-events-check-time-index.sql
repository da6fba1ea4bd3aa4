-- Termly reports read one device's observations of one check across a term by the device's own time.
CREATE INDEX events_device_check_time ON events(device_id, check_name, occurred_at);
