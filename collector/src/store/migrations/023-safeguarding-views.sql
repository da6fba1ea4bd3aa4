-- What safeguarding data each person (or service token) has been shown, and in which state: a refresh that
-- shows nothing new writes no audit row. Deleted with the school's audit log by retention.
CREATE TABLE safeguarding_views (
  viewer TEXT NOT NULL,
  item TEXT NOT NULL,
  version TEXT NOT NULL,
  school_id TEXT NOT NULL,
  shown_at INTEGER NOT NULL,
  PRIMARY KEY (viewer, item)
) WITHOUT ROWID;
CREATE INDEX safeguarding_views_school ON safeguarding_views(school_id, shown_at);
