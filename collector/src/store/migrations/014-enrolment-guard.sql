-- Enrolment a leaked secret cannot abuse: each school's caps on enrolments per hour and in total,
-- and a flag on a device that enrolled with the host name or hardware serial of a device already enrolled.
CREATE TABLE enrolment_limits (
  school_id TEXT PRIMARY KEY REFERENCES schools(id),
  per_hour INTEGER NOT NULL CHECK (per_hour >= 0),
  total INTEGER NOT NULL CHECK (total >= 0)
);

ALTER TABLE devices ADD COLUMN hardware_serial TEXT NOT NULL DEFAULT '';
UPDATE devices SET hardware_serial = COALESCE(json_extract(facts, '$.hardwareSerial'), '');
-- The enrolled device it may be impersonating, and why; cleared when an admin confirms the device.
ALTER TABLE devices ADD COLUMN duplicate_of TEXT REFERENCES devices(id);
ALTER TABLE devices ADD COLUMN duplicate_reason TEXT;

CREATE INDEX devices_school_hostname ON devices(school_id, hostname COLLATE NOCASE);
CREATE INDEX devices_school_serial ON devices(school_id, hardware_serial) WHERE hardware_serial <> '';
CREATE INDEX devices_school_enrolled ON devices(school_id, enrolled_at);

-- Sequence series: the outbox a device's events come from, and what its numbers are shifted by when
-- stored, so an outbox that starts again from 1 (or a collector holding numbers it cannot explain)
-- never makes new events look like ones already stored.
ALTER TABLE devices ADD COLUMN outbox_id TEXT;
ALTER TABLE devices ADD COLUMN seq_offset INTEGER NOT NULL DEFAULT 0;
-- The highest stored seq retention has deleted: a resend at or below it is recognised without its row.
-- Events are otherwise recognised by their row, so a forged high number cannot make later events look stored.
ALTER TABLE devices ADD COLUMN pruned_seq INTEGER NOT NULL DEFAULT 0;
UPDATE devices SET pruned_seq = COALESCE((SELECT MIN(seq) - 1 FROM events WHERE events.device_id = devices.id), highest_seq);

-- Schools that hold new devices for an admin's approval: until approved (held_since cleared) a device's
-- events are stored and judged but raise no alerts.
CREATE TABLE enrolment_holds (
  school_id TEXT PRIMARY KEY REFERENCES schools(id)
);
ALTER TABLE devices ADD COLUMN held_since INTEGER;
