-- Google Admin telemetry: how far each school's USB events have been read (the reportTime of the newest, epoch ms).
ALTER TABLE chromeos_connections ADD COLUMN telemetry_read_until BIGINT;
