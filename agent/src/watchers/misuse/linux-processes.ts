// Linux processes from /proc: one directory listing and one readlink of each
// process's program (/proc/<pid>/exe) per look, so a process that replaces its
// program (exec) is seen again; the owner is read only for programs not seen before.
// Kernel threads and processes the agent may not read have no program: remembered,
// they cost one failed read once.
import { readFile, readdir, readlink } from 'node:fs/promises';
import type { ProcessLister, SeenProcess } from './process-watch.ts';

const PROC = '/proc';
const PASSWD = '/etc/passwd';
const PASSWD_MAX_AGE_MS = 60_000;

/** uid -> name from /etc/passwd text. */
export const parsePasswd = (text: string): Map<number, string> => {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , uid] = line.split(':');
    if (name && uid !== undefined && /^\d+$/.test(uid)) names.set(Number(uid), name);
  }
  return names;
};

/** The real uid from /proc/<pid>/status ("Uid:\t1000\t1000\t1000\t1000"). */
export const uidFromStatus = (status: string): number | undefined => {
  const match = /^Uid:\s+(\d+)/m.exec(status);
  return match ? Number(match[1]) : undefined;
};

export const createLinuxProcessLister = (procRoot = PROC): ProcessLister => {
  let users: { atMs: number; names: Map<number, string> } | undefined;
  const userName = async (uid: number | undefined): Promise<string> => {
    if (uid === undefined) return '';
    if (!users || Date.now() - users.atMs > PASSWD_MAX_AGE_MS) {
      users = { atMs: Date.now(), names: parsePasswd(await readFile(PASSWD, 'utf8').catch(() => '')) };
    }
    return users.names.get(uid) ?? String(uid);
  };
  const programOf = (pid: string): Promise<string | undefined> =>
    readlink(`${procRoot}/${pid}/exe`).then((target) => target.replace(/ \(deleted\)$/, ''), () => undefined);
  return {
    async list(known) {
      const pids = (await readdir(procRoot)).filter((name) => /^\d+$/.test(name));
      const keys: string[] = [];
      const fresh: SeenProcess[] = [];
      for (const pid of pids) {
        const noProgram = `${pid}:`;
        if (known.has(noProgram)) {
          keys.push(noProgram);
          continue;
        }
        const programPath = await programOf(pid);
        const key = `${pid}:${programPath ?? ''}`;
        keys.push(key);
        if (programPath === undefined || known.has(key)) continue;
        const status = await readFile(`${procRoot}/${pid}/status`, 'utf8').catch(() => '');
        fresh.push({ key, programPath, user: await userName(uidFromStatus(status)) });
      }
      return { keys, fresh };
    },
  };
};
