// Which polkit and udev rule files are in force, from `find <folders> -maxdepth 2`
// (one path a line). A file in /etc overrides a file of the same name in the
// folders below it (udev: /etc, /run, then /usr/lib and /lib; polkit rules: /etc, then
// /usr/share); polkit's local-authority files (.pkla) all count.
import path from 'node:path';
import { byCodeUnit } from '../../parsers/order.ts';

export interface RuleFolders {
  polkitRules: readonly string[];
  polkitAuthority: readonly string[];
  udevRules: readonly string[];
}

/** The folders under a root ("/" on a device; a temporary folder in tests), highest precedence first. */
export const ruleFolders = (root: string): RuleFolders => ({
  polkitRules: [path.join(root, 'etc/polkit-1/rules.d'), path.join(root, 'usr/share/polkit-1/rules.d')],
  polkitAuthority: [path.join(root, 'etc/polkit-1/localauthority'), path.join(root, 'var/lib/polkit-1/localauthority')],
  // The school's own rules: udev's place for local administration and the runtime folder. Rules the operating
  // system and its packages ship (/usr/lib/udev/rules.d) are not read, but a local file of the same name masks them.
  udevRules: [path.join(root, 'etc/udev/rules.d'), path.join(root, 'run/udev/rules.d')],
});

export interface RuleFiles { polkitRules: string[]; polkitAuthority: string[]; udevRules: string[] }

const effective = (paths: readonly string[], folders: readonly string[], ending: string): string[] => {
  const byName = new Map<string, { file: string; rank: number }>();
  for (const file of paths) {
    const rank = folders.indexOf(path.dirname(file));
    if (rank < 0 || !file.endsWith(ending)) continue;
    const name = path.basename(file);
    const known = byName.get(name);
    if (!known || rank < known.rank) byName.set(name, { file, rank });
  }
  return [...byName.values()].sort((a, b) => byCodeUnit(path.basename(a.file), path.basename(b.file))).map((entry) => entry.file);
};

export const parseRuleFiles = (text: string, folders: RuleFolders): RuleFiles => {
  const paths = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return {
    polkitRules: effective(paths, folders.polkitRules, '.rules'),
    polkitAuthority: paths.filter((file) => file.endsWith('.pkla') && folders.polkitAuthority.includes(path.dirname(path.dirname(file)))).sort(),
    udevRules: effective(paths, folders.udevRules, '.rules'),
  };
};
