// polkit rules that refuse mounting removable storage through udisks (how a Linux
// desktop mounts a stick, a card or a disc for the user at the screen). JavaScript rules
// (/etc/polkit-1/rules.d) cannot be run here: a rule counts when it names udisks' mount
// action (org.freedesktop.udisks2.filesystem-mount, or every udisks action by its prefix)
// and answers polkit.Result.NO or AUTH_ADMIN (a pupil has no administrator's password); a
// condition on group membership is named, not judged. Local-authority files (.pkla, older
// polkit) are INI sections with Action= globs and ResultActive=no or auth_admin; a key given
// twice counts once, as polkit reads it (the last one).
import path from 'node:path';

const MOUNT_ACTION = 'org.freedesktop.udisks2.filesystem-mount';

const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:"'])\/\/.*$/gm, '$1');

/** The sentence for a rule file that refuses mounting, or undefined. */
export const polkitRuleRefusesMounting = (text: string, file: string): string | undefined => {
  const code = withoutComments(text);
  if (!/polkit\.addRule\s*\(/.test(code) || !/polkit\.Result\.(NO|AUTH_ADMIN|AUTH_ADMIN_KEEP)\b/.test(code)) return undefined;
  const namesMount = new RegExp(`["']${MOUNT_ACTION.replace(/\./g, '\\.')}["']|["']org\\.freedesktop\\.udisks2\\.["']`).test(code);
  if (!namesMount) return undefined;
  const groups = [...code.matchAll(/isInGroup\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]!);
  const depends = groups.length > 0 ? ` depending on membership of ${[...new Set(groups)].join(', ')}` : '';
  return `polkit: ${path.basename(file)} refuses mounting removable storage${depends}`;
};

const globMatches = (glob: string, action: string): boolean =>
  new RegExp(`^${glob.trim().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(action);

/** A .pkla file's sections that answer "no" to udisks' mount action for the active user. */
export const pklaRefusesMounting = (text: string, file: string): string | undefined => {
  const sections = text.split(/^\s*\[[^\]]*\]\s*$/m).slice(1);
  for (const section of sections) {
    const value = (key: string): string => [...section.matchAll(new RegExp(`^\\s*${key}\\s*=\\s*(.*)$`, 'gm'))].at(-1)?.[1]?.trim() ?? '';
    const actions = value('Action').split(';').filter(Boolean);
    if (!actions.some((glob) => globMatches(glob, MOUNT_ACTION))) continue;
    if (!/^(no|auth_admin|auth_admin_keep)$/.test(value('ResultActive').toLowerCase())) continue;
    const identity = value('Identity');
    return `polkit: ${path.basename(file)} refuses mounting removable storage${identity ? ` for ${identity}` : ''}`;
  }
  return undefined;
};
