import { describe, expect, it } from 'vitest';
import { firstLoggedInUser } from '../../../src/checks/removable-media/parse-who.ts';
import { fixture } from '../linux-block/linux-fixtures.ts';

describe('firstLoggedInUser', () => {
  it.each([
    ['who -aH with boot, LOGIN and dead-process rows', fixture('who-aH.1-alice-bob.txt'), 'alice'],
    ['nobody logged in (this machine)', fixture('who.devmachine-nobody.txt'), null],
    ['the user rows only, as plain `who` prints them (derived)', fixture('who-aH.1-alice-bob.txt').split('\n').slice(5).join('\n'), 'alice'],
    ['CRLF endings (derived)', fixture('who-aH.1-alice-bob.txt').replace(/\n/g, '\r\n'), 'alice'],
  ])('%s → %s', (_label, text, user) => {
    expect(firstLoggedInUser(text)).toBe(user);
  });
});
