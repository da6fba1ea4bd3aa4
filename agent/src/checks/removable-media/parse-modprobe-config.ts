// `modprobe --showconfig`: the effective module configuration from every modprobe.d
// folder, names normalised to underscores ("install usb_storage /bin/true",
// "blacklist usb_storage"). USB sticks need usb_storage (UAS sticks load uas, which pulls
// usb_storage in as a dependency, past a blacklist). Blocked: an install rule that runs
// true/false instead of loading the module, or both modules blacklisted.
import { Tri } from '@invigilator/shared/wire.ts';
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';
import type { RemovablePosture } from './removable-posture.ts';

const NO_OP_INSTALL = /^(\/usr)?\/s?bin\/(true|false)(\s|$)|^\/bin\/sh -c ['"]?(exit 1|\/bin\/(true|false))/;

interface ModuleRules { installNoOp: Set<string>; blacklisted: Set<string> }

const readRules = (text: string, source: string): Parsed<ModuleRules> => {
  const rules: ModuleRules = { installNoOp: new Set(), blacklisted: new Set() };
  let lines = 0;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    lines += 1;
    const [keyword, module, ...rest] = line.split(/\s+/);
    if (!module) continue;
    const name = module.replace(/-/g, '_');
    if (keyword === 'install' && NO_OP_INSTALL.test(rest.join(' '))) rules.installNoOp.add(name);
    if (keyword === 'blacklist') rules.blacklisted.add(name);
  }
  // Every kernel has module aliases: a configuration without a single line was cut off or is not modprobe's.
  if (lines === 0) return unreadable('OUTPUT_EMPTY', source, 'no configuration lines');
  if (!/^(alias|options|softdep|install|remove|blacklist|weakdep) /m.test(text)) return unreadable('OUTPUT_UNRECOGNISED', source, 'no modprobe configuration lines');
  return parsed(rules);
};

/** `/proc/modules`: the modules loaded now ("usb_storage 81920 1 uas, Live 0x0000000000000000"). */
export const loadedModules = (text: string): Set<string> => new Set(text.split(/\r?\n/).map((line) => line.split(' ')[0]!).filter(Boolean));

export const parseModprobeConfig = (text: string, source: string, loaded: ReadonlySet<string>): Parsed<RemovablePosture> => {
  const rules = readRules(text, source);
  if (!rules.ok) return rules;
  const { installNoOp, blacklisted } = rules.value;
  const blockedBy = installNoOp.has('usb_storage') ? 'modprobe: install usb_storage runs a no-op instead of the driver'
    : blacklisted.has('usb_storage') && (blacklisted.has('uas') || installNoOp.has('uas')) ? 'modprobe: usb_storage and uas blacklisted'
      : undefined;
  if (blockedBy && loaded.has('usb_storage')) {
    return parsed({
      storageBlocked: Tri.TRI_NO, writeBlocked: Tri.TRI_NO, postureProblem: '',
      mechanism: `${blockedBy}, but usb_storage is loaded now, so sticks still work until it is unloaded or the device restarts`,
    });
  }
  const partly = blacklisted.has('usb_storage') && !blockedBy ? '; usb_storage is only blacklisted, which UAS sticks get past' : '';
  return parsed({
    storageBlocked: blockedBy ? Tri.TRI_YES : Tri.TRI_NO,
    writeBlocked: blockedBy ? Tri.TRI_YES : Tri.TRI_NO,
    mechanism: blockedBy ?? `no modprobe rule stops the USB storage driver${partly}`,
    postureProblem: '',
  });
};
