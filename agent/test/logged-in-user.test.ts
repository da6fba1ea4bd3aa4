import { describe, expect, it } from 'vitest';
import { parseLoggedInUser } from '../src/logged-in-user.ts';

describe('parseLoggedInUser', () => {
  it.each([
    ['linux', 'pupil7   tty7         2026-11-23 08:40 (:0)\n', 'pupil7'],
    ['linux', '', ''],
    ['macos', 'pupil7\n', 'pupil7'],
    ['macos', 'root\n', ''], // the login window owns the console
    ['windows', '"OAKFIELD\\\\pupil7"\r\n', 'OAKFIELD\\pupil7'],
    ['windows', '', ''], // nobody signed in: Win32_ComputerSystem.UserName is null and ConvertTo-Json prints nothing
  ] as const)('%s: %j', (platform, output, user) => {
    expect(parseLoggedInUser(platform, output)).toBe(user);
  });
});
