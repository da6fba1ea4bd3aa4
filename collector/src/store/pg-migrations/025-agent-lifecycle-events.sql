-- Events gain a third kind: 'lifecycle', the agent's own last event (why it stopped). The same change as
-- SQLite's migration 025, which has to copy its table; PostgreSQL swaps the constraint in place.
ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('observation', 'misuse', 'lifecycle'));
