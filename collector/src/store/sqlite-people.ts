// People on SQLite: one row each, with their roles and schools in two link tables.
import type { Person, PeopleOps } from './people-types.ts';
import type { Statements, Row } from './sqlite-statements.ts';
import type { Role } from './types.ts';

const PERSON_COLUMNS = `p.id, p.email, p.name, p.all_schools AS allSchools, p.created_at AS createdAt, p.disabled_at AS disabledAt,
  (SELECT json_group_array(role) FROM (SELECT role FROM person_roles WHERE person_id = p.id ORDER BY role)) AS roles,
  (SELECT json_group_array(school_id) FROM (SELECT school_id FROM person_schools WHERE person_id = p.id ORDER BY school_id)) AS schools`;

const toPerson = (row: Row): Person => ({
  id: String(row.id),
  email: String(row.email),
  name: String(row.name),
  roles: JSON.parse(String(row.roles)) as Role[],
  schools: Number(row.allSchools) === 1 ? 'all' : JSON.parse(String(row.schools)) as string[],
  createdAt: Number(row.createdAt),
  disabledAt: row.disabledAt === null ? null : Number(row.disabledAt),
});

export const createSqlitePeopleOps = ({ one, all, run }: Statements): PeopleOps => {
  const writeAccess = (id: string, roles: readonly Role[], schools: readonly string[] | 'all'): void => {
    run('DELETE FROM person_roles WHERE person_id = ?', id);
    run('DELETE FROM person_schools WHERE person_id = ?', id);
    for (const role of new Set(roles)) run('INSERT INTO person_roles (person_id, role) VALUES (?, ?)', id, role);
    if (schools !== 'all') for (const school of new Set(schools)) run('INSERT INTO person_schools (person_id, school_id) VALUES (?, ?)', id, school);
    run('UPDATE people SET all_schools = ? WHERE id = ?', schools === 'all' ? 1 : 0, id);
  };
  return {
    async createPerson(person) {
      run('INSERT INTO people (id, email, name, all_schools, created_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?)',
        person.id, person.email, person.name, person.schools === 'all' ? 1 : 0, person.createdAt, person.disabledAt);
      writeAccess(person.id, person.roles, person.schools);
    },
    async getPerson(id) {
      const row = one(`SELECT ${PERSON_COLUMNS} FROM people p WHERE p.id = ?`, id);
      return row && toPerson(row);
    },
    async getPersonByEmail(email) {
      const row = one(`SELECT ${PERSON_COLUMNS} FROM people p WHERE p.email = ?`, email);
      return row && toPerson(row);
    },
    async listPeople({ schoolId, role, includeDisabled }) {
      const rows = all(`SELECT ${PERSON_COLUMNS} FROM people p
        WHERE (?1 IS NULL OR p.all_schools = 1 OR EXISTS (SELECT 1 FROM person_schools s WHERE s.person_id = p.id AND s.school_id = ?1))
          AND (?2 IS NULL OR EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = ?2))
          AND (?3 = 1 OR p.disabled_at IS NULL)
        ORDER BY p.name, p.email`, schoolId ?? null, role ?? null, includeDisabled ? 1 : 0);
      return rows.map(toPerson);
    },
    async setPersonAccess(id, { roles, schools }) {
      writeAccess(id, roles, schools);
    },
    async disablePerson(id, at) {
      return run('UPDATE people SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL', at, id) > 0;
    },
    async enablePerson(id) {
      return run('UPDATE people SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL', id) > 0;
    },
  };
};
