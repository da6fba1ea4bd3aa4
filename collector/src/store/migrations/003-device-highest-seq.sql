-- The highest sequence number ever stored per device, kept on the device: once
-- retention has deleted old events, a resend of one of them is still recognised.
ALTER TABLE devices ADD COLUMN highest_seq INTEGER NOT NULL DEFAULT 0;
UPDATE devices SET highest_seq = COALESCE((SELECT MAX(seq) FROM events WHERE events.device_id = devices.id), 0);
