-- A daily digest per person, at the local time they choose: what is open for their role.
CREATE TABLE digest_subscriptions (
  person_id TEXT PRIMARY KEY REFERENCES people(id),
  -- "HH:MM", 24-hour, in time_zone.
  at_time TEXT NOT NULL CHECK (at_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  time_zone TEXT NOT NULL,
  -- The local date (YYYY-MM-DD) of the last digest queued, so a restart never sends a day's twice.
  last_sent_on TEXT
);
