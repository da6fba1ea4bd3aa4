// Whose desktop settings count: the user signed in at the screen. `who` prints
// "alice    tty2         2026-11-23 08:40 (tty2)" for a Wayland session and
// "alice    :0           ..." or "... pts/1 ... (:1)" for X; remote sessions (pts with a
// host name) are not at the screen. /etc/passwd gives that user's home folder.
const AT_THE_SCREEN = /^(tty\d+|:\d+(\.\d+)?|seat\d+)$/;

export const desktopUserOf = (whoText: string): string | undefined => {
  for (const line of whoText.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    const [user, tty] = fields;
    if (!user || !tty || /^\s/.test(line) || user === 'NAME' || user === 'LOGIN') continue;
    const comment = /\(([^)]*)\)\s*$/.exec(line)?.[1] ?? '';
    if (AT_THE_SCREEN.test(tty) || comment.startsWith(':')) return user;
  }
  return undefined;
};

/** The home folder of `user` from /etc/passwd ("name:x:uid:gid:gecos:home:shell"), when it is an absolute path. */
export const homeOf = (passwdText: string, user: string): string | undefined => {
  for (const line of passwdText.split(/\r?\n/)) {
    const fields = line.split(':');
    if (fields[0] === user && fields.length >= 7 && fields[5]?.startsWith('/')) return fields[5];
  }
  return undefined;
};
