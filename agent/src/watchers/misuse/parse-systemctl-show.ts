// `systemctl show --property=Id,LoadState,ActiveState,UnitFileState <unit>...`: one block of
// KEY=value lines per unit, blocks separated by a blank line.
import { parsed, type Parsed } from '../../checks/types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const SYSTEMCTL_SHOW_SOURCE = 'linux.systemctl-show-safeguards';

export interface UnitState {
  id: string; loaded: boolean; active: boolean; activeState: string;
  /** enabled, disabled, masked, static...; absent when not asked for. */
  unitFileState?: string;
}

export const parseSystemctlShow = (text: string): Parsed<UnitState[]> => {
  const units: UnitState[] = [];
  for (const block of text.replace(/\r/g, '').split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const equals = line.indexOf('=');
      if (equals > 0) fields.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
    }
    if (fields.size === 0) continue;
    const id = fields.get('Id');
    const loadState = fields.get('LoadState');
    const activeState = fields.get('ActiveState');
    if (!id || !loadState || !activeState) return unreadable('OUTPUT_UNRECOGNISED', SYSTEMCTL_SHOW_SOURCE, `a unit block lacks Id, LoadState or ActiveState: "${block.slice(0, 80)}"`);
    const unitFileState = fields.get('UnitFileState');
    units.push({
      id, loaded: loadState === 'loaded', active: activeState === 'active' || activeState === 'reloading', activeState,
      ...(unitFileState ? { unitFileState } : {}),
    });
  }
  if (units.length === 0) return unreadable('OUTPUT_EMPTY', SYSTEMCTL_SHOW_SOURCE, 'no unit was listed');
  return parsed(units);
};
