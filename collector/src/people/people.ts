// People: validated before they are stored. A person's roles say what they may see and which alerts
// reach them; their schools say where (a trust's network manager covers all, a DSL usually one).
import { randomUUID } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { isRole, ROLES, type Person, type Role, type StoreOps } from '../store/types.ts';

// Deliberately loose: a school's real addresses are checked by its mail server, not by us.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PersonInput {
  email: string;
  name: string;
  roles: readonly string[];
  /** School ids; empty with `allSchools` for a trust-wide person. */
  schools: readonly string[];
  allSchools?: boolean;
}

type PeopleStore = Pick<StoreOps, 'getSchool' | 'getPersonByEmail' | 'createPerson' | 'listPeople' | 'disablePerson' | 'enablePerson'>;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const checkRoles = (roles: readonly string[]): Role[] => {
  if (roles.length === 0) throw new InvigilatorError('ROLE_UNKNOWN', `A person needs at least one role: ${ROLES.join(', ')}.`);
  for (const role of roles) {
    if (!isRole(role)) throw new InvigilatorError('ROLE_UNKNOWN', `"${role}" is not one of ${ROLES.join(', ')}.`);
  }
  return [...new Set(roles as Role[])];
};

const checkSchools = async (store: PeopleStore, input: PersonInput): Promise<string[] | 'all'> => {
  if (input.allSchools) {
    if (input.schools.length > 0) throw new InvigilatorError('CONFIG_INVALID', 'A person covers either every school or the schools listed, not both.');
    return 'all';
  }
  if (input.schools.length === 0) {
    throw new InvigilatorError('CONFIG_INVALID', 'Say which schools the person covers (--school ID, repeated), or --all-schools for a trust-wide role.');
  }
  for (const school of input.schools) {
    if (!(await store.getSchool(school))) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${school})`);
  }
  return [...new Set(input.schools)];
};

export const addPerson = async (store: PeopleStore, input: PersonInput, now: number): Promise<Person> => {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email)) throw new InvigilatorError('CONFIG_INVALID', `"${input.email}" is not an email address.`);
  const name = input.name.trim();
  if (name === '') throw new InvigilatorError('CONFIG_INVALID', 'A person needs a name.');
  const roles = checkRoles(input.roles);
  const schools = await checkSchools(store, input);
  if (await store.getPersonByEmail(email)) throw new InvigilatorError('PERSON_EXISTS', `(${email})`);
  const person: Person = { id: randomUUID(), email, name, roles, schools, createdAt: now, disabledAt: null };
  await store.createPerson(person);
  return person;
};

/** Gives a person other roles or schools (checked as when they were added); the change holds at their next request. */
export const changePersonAccess = async (
  store: PeopleStore & Pick<StoreOps, 'getPerson' | 'setPersonAccess'>, id: string,
  change: { roles?: readonly string[]; schools?: readonly string[]; allSchools?: boolean },
): Promise<Person> => {
  const person = await store.getPerson(id);
  if (!person) throw new InvigilatorError('PERSON_UNKNOWN', `(${id})`);
  const roles = change.roles === undefined ? person.roles : checkRoles(change.roles);
  const schools = change.schools === undefined && change.allSchools === undefined ? person.schools
    : await checkSchools(store, { email: person.email, name: person.name, roles, schools: change.schools ?? [], allSchools: change.allSchools === true });
  await store.setPersonAccess(id, { roles, schools });
  return { ...person, roles, schools };
};

export const personByEmail = async (store: Pick<StoreOps, 'getPersonByEmail'>, email: string): Promise<Person> => {
  const person = await store.getPersonByEmail(normaliseEmail(email));
  if (!person) throw new InvigilatorError('PERSON_UNKNOWN', `(${email})`);
  return person;
};

/** Disables a person: they can no longer sign in, their tokens stop working, and no alert is sent to them. */
export const disablePerson = async (store: PeopleStore, email: string, now: number): Promise<{ person: Person; changed: boolean }> => {
  const person = await personByEmail(store, email);
  return { person, changed: await store.disablePerson(person.id, now) };
};

export const enablePerson = async (store: PeopleStore, email: string): Promise<{ person: Person; changed: boolean }> => {
  const person = await personByEmail(store, email);
  return { person, changed: await store.enablePerson(person.id) };
};

/** True when the person covers the school (listed for it, or trust-wide). */
export const coversSchool = (person: Pick<Person, 'schools'>, schoolId: string): boolean =>
  person.schools === 'all' || person.schools.includes(schoolId);
