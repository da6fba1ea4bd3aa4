// Session lifetimes on a real store: the idle limit, the absolute limit however busy, and the hashed id.
import { beforeEach, describe, expect, it } from 'vitest';
import { addPerson } from '../../src/people/people.ts';
import { resolveSession, startSession, type SessionSettings } from '../../src/sign-in/sessions.ts';
import type { Person, Store } from '../../src/store/types.ts';
import { describeEachEngine } from '../store/contract/engines.ts';

const MINUTE = 60_000;
const SETTINGS: SessionSettings = { idleMs: 30 * MINUTE, absoluteMs: 10 * 60 * MINUTE, secureCookies: false };
const T0 = Date.UTC(2026, 10, 30, 8, 0);

let store: Store;
let person: Person;


describeEachEngine('sign-in sessions', [], (engine) => {
  beforeEach(async () => {
    store = engine.store();
    await store.createSchool({ id: 'north', name: 'North', enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
    person = await addPerson(store, { email: 'khan@north.sch.uk', name: 'Ms Khan', roles: ['dsl'], schools: ['north'] }, T0);
  });

  describe('sessions', () => {
    it('keep only the sha256 of their id', async () => {
      const { id, session } = await startSession(store, person, 'password', '127.0.0.1', SETTINGS, T0);
      expect(session.idHash).toMatch(/^[0-9a-f]{64}$/);
      expect(session.idHash).not.toContain(id);
      expect(await store.getSession(id)).toBeUndefined();
    });

    it('stay alive while used, and end after the idle limit without use', async () => {
      const { id } = await startSession(store, person, 'password', '127.0.0.1', SETTINGS, T0);
      for (let minute = 20; minute <= 200; minute += 20) {
        expect((await resolveSession(store, id, SETTINGS, T0 + minute * MINUTE)).person.email).toBe('khan@north.sch.uk');
      }
      await expect(resolveSession(store, id, SETTINGS, T0 + 231 * MINUTE)).rejects.toMatchObject({ code: 'SESSION_INVALID' });
      // Once ended for idleness it stays ended.
      await expect(resolveSession(store, id, SETTINGS, T0 + 232 * MINUTE)).rejects.toMatchObject({ code: 'SESSION_INVALID' });
    });

    it('are not kept alive by the page on its own: an open dashboard with live updates still ends when nobody uses it', async () => {
      const { id } = await startSession(store, person, 'password', '127.0.0.1', SETTINGS, T0);
      await resolveSession(store, id, SETTINGS, T0 + 10 * MINUTE, 'person');
      for (let minute = 11; minute <= 39; minute += 2) {
        expect((await resolveSession(store, id, SETTINGS, T0 + minute * MINUTE, 'background')).person.id).toBe(person.id);
      }
      await expect(resolveSession(store, id, SETTINGS, T0 + 40 * MINUTE, 'background')).rejects.toMatchObject({ code: 'SESSION_INVALID' });
      await expect(resolveSession(store, id, SETTINGS, T0 + 40 * MINUTE, 'person')).rejects.toMatchObject({ code: 'SESSION_INVALID' });
    });

    it('end at their absolute limit however busy', async () => {
      const { id } = await startSession(store, person, 'oidc', '127.0.0.1', SETTINGS, T0);
      let at = T0;
      while (at < T0 + SETTINGS.absoluteMs - 10 * MINUTE) {
        at += 10 * MINUTE;
        await resolveSession(store, id, SETTINGS, at);
      }
      await expect(resolveSession(store, id, SETTINGS, T0 + SETTINGS.absoluteMs)).rejects.toMatchObject({ code: 'SESSION_INVALID' });
    });
  });
});
