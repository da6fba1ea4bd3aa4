-- A notification row keeps only what sending it needs: recipient, channel, the alert (or the term or
-- day) it is about, why, and how delivery went. Its text is composed when it is sent, from the alert and
-- its events as they are then, so a safeguarding detail is stored once, in its event. The claim columns
-- let several senders share the queue: who is sending it, and until when that holds.
-- secure_delete: the old rows' text is zeroed where it lay, not left in the file's free pages (the
-- collector keeps it on for every connection: see openDatabase).
PRAGMA secure_delete = ON;
CREATE TABLE notifications_029 (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id),
  alert_id TEXT,
  channel_id TEXT NOT NULL REFERENCES channels(id),
  person_id TEXT REFERENCES people(id),
  -- An email address, or the channel's id for webhook and syslog.
  recipient TEXT NOT NULL,
  reason TEXT NOT NULL,
  -- The alert's category when queued; NULL for summaries, digests and reports.
  category TEXT CHECK (category IN ('posture', 'misuse', 'availability')),
  -- The term of "reports ready", the local date of a digest.
  about TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  claimed_by TEXT,
  claim_until INTEGER,
  -- Only a notification being sent is claimed.
  CHECK (status = 'sending' OR (claimed_by IS NULL AND claim_until IS NULL))
);
-- Rows queued before: the category their message said; a term read back out of "Termly reports for
-- <term> at <school> are ready"; one left sending has a claim long run out, so the next sender takes it.
INSERT INTO notifications_029 (id, school_id, alert_id, channel_id, person_id, recipient, reason, category, about, status,
    attempts, next_attempt_at, last_error, created_at, sent_at, claimed_by, claim_until)
  SELECT n.id, n.school_id, n.alert_id, n.channel_id, n.person_id, n.recipient, n.reason,
    CASE WHEN json_extract(n.message, '$.category') IN ('posture', 'misuse', 'availability') THEN json_extract(n.message, '$.category') END,
    CASE WHEN n.reason = 'reports-ready' THEN substr(json_extract(n.message, '$.subject'), 20,
      length(json_extract(n.message, '$.subject')) - 19 - length(' at ' || coalesce(s.name, n.school_id) || ' are ready')) END,
    n.status, n.attempts, n.next_attempt_at, n.last_error, n.created_at, n.sent_at,
    NULL, CASE WHEN n.status = 'sending' THEN 0 END
  FROM notifications n LEFT JOIN schools s ON s.id = n.school_id;
DROP TABLE notifications;
ALTER TABLE notifications_029 RENAME TO notifications;
CREATE INDEX notifications_due ON notifications(status, next_attempt_at);
CREATE INDEX notifications_school_created ON notifications(school_id, created_at);
CREATE INDEX notifications_claimed ON notifications(claimed_by) WHERE claimed_by IS NOT NULL;
