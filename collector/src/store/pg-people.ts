// People on PostgreSQL: one row each, with their roles and schools in two link tables.
import type { Person, PeopleOps } from './people-types.ts';
import type { PgQueries, PgRow } from './pg-queries.ts';
import type { Role } from './types.ts';

const PERSON_COLUMNS = `p.id, p.email, p.name, p.all_schools AS "allSchools", p.created_at AS "createdAt", p.disabled_at AS "disabledAt",
  ARRAY(SELECT role FROM person_roles WHERE person_id = p.id ORDER BY role) AS roles,
  ARRAY(SELECT school_id FROM person_schools WHERE person_id = p.id ORDER BY school_id) AS schools`;

const toPerson = (row: PgRow): Person => ({
  id: String(row.id),
  email: String(row.email),
  name: String(row.name),
  roles: row.roles as Role[],
  schools: row.allSchools === true ? 'all' : row.schools as string[],
  createdAt: Number(row.createdAt),
  disabledAt: row.disabledAt === null ? null : Number(row.disabledAt),
});

export const createPgPeopleOps = ({ one, all, run }: PgQueries): PeopleOps => {
  const writeAccess = async (id: string, roles: readonly Role[], schools: readonly string[] | 'all'): Promise<void> => {
    // The person's row first: its lock makes a second change of the same person wait for this one.
    await run('UPDATE people SET all_schools = $1 WHERE id = $2', schools === 'all', id);
    await run('DELETE FROM person_roles WHERE person_id = $1', id);
    await run('DELETE FROM person_schools WHERE person_id = $1', id);
    await run('INSERT INTO person_roles (person_id, role) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', id, [...new Set(roles)]);
    if (schools !== 'all') {
      await run('INSERT INTO person_schools (person_id, school_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', id, [...new Set(schools)]);
    }
  };
  return {
    async createPerson(person) {
      await run('INSERT INTO people (id, email, name, all_schools, created_at, disabled_at) VALUES ($1, $2, $3, $4, $5, $6)',
        person.id, person.email, person.name, person.schools === 'all', person.createdAt, person.disabledAt);
      await writeAccess(person.id, person.roles, person.schools);
    },
    async getPerson(id) {
      const row = await one(`SELECT ${PERSON_COLUMNS} FROM people p WHERE p.id = $1`, id);
      return row && toPerson(row);
    },
    async getPersonByEmail(email) {
      const row = await one(`SELECT ${PERSON_COLUMNS} FROM people p WHERE lower(p.email) = lower($1)`, email);
      return row && toPerson(row);
    },
    async listPeople({ schoolId, role, includeDisabled }) {
      const rows = await all(`SELECT ${PERSON_COLUMNS} FROM people p
        WHERE ($1::text IS NULL OR p.all_schools OR EXISTS (SELECT 1 FROM person_schools s WHERE s.person_id = p.id AND s.school_id = $1))
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = $2))
          AND ($3::boolean OR p.disabled_at IS NULL)
        ORDER BY p.name, p.email`, schoolId ?? null, role ?? null, includeDisabled === true);
      return rows.map(toPerson);
    },
    async setPersonAccess(id, { roles, schools }) {
      await writeAccess(id, roles, schools);
    },
    async disablePerson(id, at) {
      return await run('UPDATE people SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL', at, id) > 0;
    },
    async enablePerson(id) {
      return await run('UPDATE people SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL', id) > 0;
    },
  };
};
