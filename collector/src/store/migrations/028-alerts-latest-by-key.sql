-- Raising an alert reads the latest alert of its key (to reopen one a person resolved); without this
-- index that read went through every alert of the school, so each alert cost more as a school's history grew.
CREATE INDEX alerts_school_dedup_opened ON alerts(school_id, dedup_key, opened_at);
