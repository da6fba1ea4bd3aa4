-- Each school's term calendar; scope '*' is the trust-wide calendar its schools inherit.
CREATE TABLE terms (
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  holidays TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (scope, name)
);
