-- People who use the collector: their roles and the schools they cover. Emails compare without case.
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  -- 1: every school of the collector (a trust's network manager); 0: only those in person_schools.
  all_schools INTEGER NOT NULL DEFAULT 0 CHECK (all_schools IN (0, 1)),
  created_at INTEGER NOT NULL,
  disabled_at INTEGER
);

CREATE TABLE person_roles (
  person_id TEXT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'network-manager', 'technician', 'dsl', 'governor')),
  PRIMARY KEY (person_id, role)
) WITHOUT ROWID;
CREATE INDEX person_roles_role ON person_roles(role, person_id);

CREATE TABLE person_schools (
  person_id TEXT NOT NULL REFERENCES people(id),
  school_id TEXT NOT NULL REFERENCES schools(id),
  PRIMARY KEY (person_id, school_id)
) WITHOUT ROWID;
CREATE INDEX person_schools_school ON person_schools(school_id, person_id);
