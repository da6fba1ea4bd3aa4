// `who`: "alice    tty7         2026-11-23 08:40 (:0)". `who -a` adds rows for boot,
// run level, LOGIN gettys and dead processes, which have no user: those are skipped.
export const firstLoggedInUser = (text: string): string | null => {
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || /^\s/.test(line)) continue;
    const user = line.split(/\s+/)[0]!;
    if (user === 'NAME' || user === 'LOGIN') continue;
    return user;
  }
  return null;
};
