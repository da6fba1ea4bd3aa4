// Storage contract for people: who they are, their roles, the schools they cover.
import type { Role } from './types.ts';

export interface Person {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** The schools the person covers; 'all' for every school of the collector (a trust-wide role). */
  schools: string[] | 'all';
  createdAt: number;
  disabledAt: number | null;
}

export interface PeopleQuery {
  /** People covering this school (listed for it, or covering all). */
  schoolId?: string;
  role?: Role;
  includeDisabled?: boolean;
}

export interface PeopleOps {
  /** Stores a person with roles and schools; the email must be new (case aside). */
  createPerson(person: Person): Promise<void>;
  getPerson(id: string): Promise<Person | undefined>;
  getPersonByEmail(email: string): Promise<Person | undefined>;
  /** Ordered by name, then email. */
  listPeople(query: PeopleQuery): Promise<Person[]>;
  /** Replaces the person's roles and schools. */
  setPersonAccess(id: string, access: { roles: readonly Role[]; schools: readonly string[] | 'all' }): Promise<void>;
  /** Disables an enabled person; true when one was disabled now. */
  disablePerson(id: string, at: number): Promise<boolean>;
  /** Enables a disabled person; true when one was enabled now. */
  enablePerson(id: string): Promise<boolean>;
}
