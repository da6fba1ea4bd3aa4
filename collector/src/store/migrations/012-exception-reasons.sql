-- Why each inbound firewall exception is permitted: every recording kept, the newest is current.
CREATE TABLE firewall_exception_reasons (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id TEXT NOT NULL REFERENCES schools(id),
  rule_key TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE INDEX firewall_exception_reasons_school ON firewall_exception_reasons(school_id, rule_key, id);

-- Every policy pack a school was given, so a termly report can list the changes made during the term.
CREATE TABLE policy_pack_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id TEXT NOT NULL REFERENCES schools(id),
  pack_id TEXT NOT NULL,
  version TEXT NOT NULL,
  name TEXT NOT NULL,
  changed_at INTEGER NOT NULL
);
CREATE INDEX policy_pack_changes_school ON policy_pack_changes(school_id, changed_at);
