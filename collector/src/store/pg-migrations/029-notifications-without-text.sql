-- A notification row keeps only what sending it needs: recipient, channel, the alert (or the term or
-- day) it is about, why, and how delivery went. Its text is composed when it is sent, from the alert and
-- its events as they are then, so a safeguarding detail is stored once, in its event. The claim columns
-- let several collectors share the queue: who is sending it, and until when that holds.
-- A new table rather than DROP COLUMN, which would leave the old text in the table's pages.
CREATE TABLE notifications_029 (
  id TEXT COLLATE "C" PRIMARY KEY,
  school_id TEXT COLLATE "C" NOT NULL REFERENCES schools(id),
  alert_id TEXT COLLATE "C",
  channel_id TEXT COLLATE "C" NOT NULL REFERENCES channels(id),
  person_id TEXT COLLATE "C" REFERENCES people(id),
  -- An email address, or the channel's id for webhook and syslog.
  recipient TEXT NOT NULL,
  reason TEXT NOT NULL,
  -- The alert's category when queued; NULL for summaries, digests and reports.
  category TEXT CHECK (category IN ('posture', 'misuse', 'availability')),
  -- The term of "reports ready", the local date of a digest.
  about TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  claimed_by TEXT COLLATE "C",
  claim_until BIGINT,
  -- Only a notification being sent is claimed.
  CHECK (status = 'sending' OR (claimed_by IS NULL AND claim_until IS NULL))
);
-- Rows queued before: the category their message said; a term read back out of "Termly reports for
-- <term> at <school> are ready"; one left sending has a claim long run out, so the next sender takes it.
INSERT INTO notifications_029 (id, school_id, alert_id, channel_id, person_id, recipient, reason, category, about, status,
    attempts, next_attempt_at, last_error, created_at, sent_at, claimed_by, claim_until)
  SELECT n.id, n.school_id, n.alert_id, n.channel_id, n.person_id, n.recipient, n.reason,
    CASE WHEN n.message::jsonb ->> 'category' IN ('posture', 'misuse', 'availability') THEN n.message::jsonb ->> 'category' END,
    CASE WHEN n.reason = 'reports-ready' THEN substr(n.message::jsonb ->> 'subject', 20,
      length(n.message::jsonb ->> 'subject') - 19 - length(' at ' || coalesce(s.name, n.school_id) || ' are ready')) END,
    n.status, n.attempts, n.next_attempt_at, n.last_error, n.created_at, n.sent_at,
    NULL, CASE WHEN n.status = 'sending' THEN 0 END
  FROM notifications n LEFT JOIN schools s ON s.id = n.school_id;
DROP TABLE notifications;
ALTER TABLE notifications_029 RENAME TO notifications;
ALTER TABLE notifications RENAME CONSTRAINT notifications_029_pkey TO notifications_pkey;
CREATE INDEX notifications_due ON notifications(status, next_attempt_at);
CREATE INDEX notifications_school_created ON notifications(school_id, created_at);
CREATE INDEX notifications_claimed ON notifications(claimed_by) WHERE claimed_by IS NOT NULL;
