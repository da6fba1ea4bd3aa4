// People on each engine's real store: validation, case-blind emails, who covers a school, disabling.
import { beforeEach, describe, expect, it } from 'vitest';
import { addPerson, coversSchool, disablePerson, enablePerson } from '../../src/people/people.ts';
import type { Store } from '../../src/store/types.ts';
import { describeEachEngine } from '../store/contract/engines.ts';

let store: Store;


const dsl = { email: 'Amira.Khan@North.sch.uk', name: 'Amira Khan', roles: ['dsl'], schools: ['north'] };

describeEachEngine('people', [], (engine) => {
  beforeEach(async () => {
    store = engine.store();
    for (const id of ['north', 'south']) await store.createSchool({ id, name: id, enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
  });

  describe('people', () => {
    it('stores a person with their roles and schools, the email lower-cased', async () => {
      const person = await addPerson(store, { ...dsl, roles: ['dsl', 'technician', 'dsl'] }, 10);
      expect(await store.getPersonByEmail('AMIRA.KHAN@north.sch.uk')).toEqual({
        id: person.id, email: 'amira.khan@north.sch.uk', name: 'Amira Khan', roles: ['dsl', 'technician'], schools: ['north'],
        createdAt: 10, disabledAt: null,
      });
    });

    it.each([
      [{ ...dsl, email: 'not-an-address' }, 'CONFIG_INVALID'],
      [{ ...dsl, name: '  ' }, 'CONFIG_INVALID'],
      [{ ...dsl, roles: [] }, 'ROLE_UNKNOWN'],
      [{ ...dsl, roles: ['head'] }, 'ROLE_UNKNOWN'],
      [{ ...dsl, schools: [] }, 'CONFIG_INVALID'],
      [{ ...dsl, schools: ['nowhere'] }, 'SCHOOL_UNKNOWN'],
      [{ ...dsl, allSchools: true }, 'CONFIG_INVALID'],
    ])('refuses %j with %s and stores nothing', async (input, code) => {
      await expect(addPerson(store, input, 10)).rejects.toMatchObject({ code });
      expect(await store.listPeople({ includeDisabled: true })).toEqual([]);
    });

    it('refuses a second person with the same email in another case', async () => {
      await addPerson(store, dsl, 10);
      await expect(addPerson(store, { ...dsl, email: 'amira.khan@NORTH.sch.uk' }, 11)).rejects.toMatchObject({ code: 'PERSON_EXISTS' });
    });

    it('lists who covers a school in a role: listed for it or trust-wide, enabled only unless asked', async () => {
      await addPerson(store, dsl, 10);
      await addPerson(store, { email: 'dsl@south.sch.uk', name: 'Bea South', roles: ['dsl'], schools: ['south'] }, 10);
      const manager = await addPerson(store, { email: 'nm@trust.org.uk', name: 'Sam Lee', roles: ['network-manager'], schools: [], allSchools: true }, 10);
      expect(coversSchool(manager, 'south')).toBe(true);
      expect((await store.listPeople({ schoolId: 'north', role: 'dsl' })).map((p) => p.email)).toEqual(['amira.khan@north.sch.uk']);
      expect((await store.listPeople({ schoolId: 'north' })).map((p) => p.email)).toEqual(['amira.khan@north.sch.uk', 'nm@trust.org.uk']);
      expect((await store.listPeople({ role: 'network-manager' })).map((p) => p.schools)).toEqual(['all']);

      expect((await disablePerson(store, 'Amira.Khan@north.sch.uk', 20)).changed).toBe(true);
      expect((await disablePerson(store, 'amira.khan@north.sch.uk', 21)).changed).toBe(false);
      expect(await store.listPeople({ schoolId: 'north', role: 'dsl' })).toEqual([]);
      expect((await store.listPeople({ schoolId: 'north', role: 'dsl', includeDisabled: true }))[0]?.disabledAt).toBe(20);
      expect((await enablePerson(store, 'amira.khan@north.sch.uk')).changed).toBe(true);
      expect(await store.listPeople({ schoolId: 'north', role: 'dsl' })).toHaveLength(1);
    });

    it('says which email is unknown', async () => {
      await expect(disablePerson(store, 'nobody@north.sch.uk', 1)).rejects.toMatchObject({ code: 'PERSON_UNKNOWN', message: expect.stringContaining('nobody@north.sch.uk') });
    });

    it('replaces roles and schools together', async () => {
      const person = await addPerson(store, dsl, 10);
      await store.setPersonAccess(person.id, { roles: ['technician'], schools: 'all' });
      expect(await store.getPerson(person.id)).toMatchObject({ roles: ['technician'], schools: 'all' });
    });
  });
});
