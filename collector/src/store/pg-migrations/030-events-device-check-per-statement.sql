-- An event's device must exist, as before, but checked once per statement instead of once per row: a batch of 500
-- events fired the reference check's query and row lock 500 times, a quarter of the server's work per event.
-- The statement's new rows are checked together, and each device they name is locked against deletion (key share)
-- once, as the reference did for every row. Devices are never deleted while they have events, nor renamed.
ALTER TABLE events DROP CONSTRAINT events_device_id_fkey;

CREATE FUNCTION events_device_known() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM devices WHERE id IN (SELECT DISTINCT device_id FROM new_events) FOR KEY SHARE;
  IF EXISTS (SELECT 1 FROM new_events n WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.id = n.device_id)) THEN
    RAISE EXCEPTION 'insert into "events" names a device that does not exist'
      USING ERRCODE = 'foreign_key_violation', TABLE = 'events';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER events_device_known AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION events_device_known();

CREATE FUNCTION devices_keep_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM events WHERE device_id = OLD.id) THEN
    RAISE EXCEPTION 'device % still has events', OLD.id USING ERRCODE = 'foreign_key_violation', TABLE = 'devices';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER devices_keep_events_deleted BEFORE DELETE ON devices
  FOR EACH ROW EXECUTE FUNCTION devices_keep_events();
CREATE TRIGGER devices_keep_events_renamed BEFORE UPDATE OF id ON devices
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION devices_keep_events();
