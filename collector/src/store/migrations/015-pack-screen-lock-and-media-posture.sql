-- Packs stored before the screen-lock check and the removable-media posture settings gain
-- the default pack's values for them, so every stored pack still validates. A school that
-- already names a clause "screen-lock" keeps its own words.
UPDATE policy_packs SET pack = json_set(pack,
  '$.clauses."screen-lock"', coalesce(json_extract(pack, '$.clauses."screen-lock"'), 'Users log off or lock a device when they leave it.'),
  '$.checks.screenLock', json('{"required":true,"maxIdleMinutes":15,"requirePasswordOnWake":true,"clause":"screen-lock"}'),
  '$.agent.checkSchedules."screen-lock"', '37 * * * *')
WHERE json_extract(pack, '$.checks.screenLock') IS NULL;

UPDATE policy_packs SET pack = json_set(pack, '$.checks.passwordPolicy.denyListInDirectory', json('false'))
WHERE json_type(pack, '$.checks.passwordPolicy.denyListInDirectory') IS NULL;

UPDATE policy_packs SET pack = json_set(pack, '$.checks.removableMedia.readOnlyIsEnough', json('false'))
WHERE json_type(pack, '$.checks.removableMedia.readOnlyIsEnough') IS NULL;
