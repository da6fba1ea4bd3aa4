-- A removable-media verdict used to quote where the stick was mounted (/media/<user>/<label>), which put a
-- pupil's login name in front of technicians. Those texts are rewritten without the path; misuse alerts,
-- which only safeguarding roles read, keep theirs.
UPDATE verdict_changes SET reason = 'Removable media was attached, which the school''s policy bans (where it was mounted is no longer kept).'
  WHERE check_name = 'removable-media' AND (reason LIKE '%/media/%' OR reason LIKE '%/Volumes/%');
UPDATE verdicts SET reason = 'Removable media is attached, which the school''s policy bans (where it was mounted is no longer kept).'
  WHERE check_name = 'removable-media' AND (reason LIKE '%/media/%' OR reason LIKE '%/Volumes/%');
UPDATE alerts SET summary = 'Removable media was attached, which the school''s policy bans (where it was mounted is no longer kept).'
  WHERE category = 'posture' AND check_name = 'removable-media' AND (summary LIKE '%/media/%' OR summary LIKE '%/Volumes/%');
-- Verdict-change history now has a retention period: deleted by age within one school.
CREATE INDEX verdict_changes_age ON verdict_changes(changed_at);
