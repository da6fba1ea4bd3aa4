// Who is at the device right now, for misuse events on every platform: the DSL
// needs a name, not "a user". Each platform's source is a declared command, read
// through exec.ts; the answer is kept a few seconds so a burst of events asks once.
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { firstLoggedInUser } from './checks/removable-media/parse-who.ts';
import type { CommandSource, SourceProvider } from './checks/types.ts';
import { powershellSource } from './checks/windows-powershell.ts';

export const LOGGED_IN_USER_SOURCES: Readonly<Record<AgentPlatform, CommandSource>> = {
  linux: { id: 'linux.who', kind: 'command', file: '/usr/bin/who', args: [] },
  // The owner of the console device is the user at the screen; root means the login window.
  macos: { id: 'macos.console-user', kind: 'command', file: '/usr/bin/stat', args: ['-f', '%Su', '/dev/console'] },
  windows: powershellSource('windows.console-user', '(Get-CimInstance -ClassName Win32_ComputerSystem).UserName', 20_000),
};

/** The user's name from the platform's output, or '' when nobody is logged in at the screen. */
export const parseLoggedInUser = (platform: AgentPlatform, stdout: string): string => {
  const text = stdout.trim();
  switch (platform) {
    case 'linux': return firstLoggedInUser(text) ?? '';
    case 'macos': return text === 'root' || text.includes(' ') ? '' : text;
    case 'windows': {
      if (text === '' || text === 'null') return '';
      try {
        const value = JSON.parse(text) as unknown;
        return typeof value === 'string' ? value : '';
      } catch {
        return '';
      }
    }
  }
};

const CACHE_MS = 10_000;

export type UserLookup = () => Promise<string>;

export const createUserLookup = (platform: AgentPlatform, provider: SourceProvider, logger: Logger): UserLookup => {
  let cached: { atMs: number; user: Promise<string> } | undefined;
  const ask = async (): Promise<string> => {
    const result = await provider.read(LOGGED_IN_USER_SOURCES[platform]);
    if (result.errorCode) {
      logger.warn({ code: result.errorCode, source: result.id }, `${ERRORS[result.errorCode]} (who is logged in: ${result.errorDetail ?? result.id})`);
      return '';
    }
    return parseLoggedInUser(platform, result.stdout);
  };
  return () => {
    const now = Date.now();
    if (!cached || now - cached.atMs > CACHE_MS) cached = { atMs: now, user: ask() };
    return cached.user;
  };
};
