// A Chromium-family browser's "Local State" (JSON, one per browser install and user):
// "dns_over_https": { "mode": "off" | "automatic" | "secure", "templates": "<url> ..." }.
// "automatic" (the default) upgrades only when the device's own DNS server offers it,
// so it keeps the school's resolver; "secure" sends every lookup to the named resolver.
import { parsed, type Parsed } from '../../../checks/types.ts';
import { unreadable } from '../../../parsers/reasons.ts';
import type { ProxyUse } from './parse-firefox-prefs.ts';

export const parseChromiumLocalState = (input: string, source: string): Parsed<ProxyUse[]> => {
  let root: unknown;
  try {
    root = JSON.parse(input);
  } catch (error) {
    return unreadable('OUTPUT_MALFORMED', source, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return unreadable('OUTPUT_MALFORMED', source, 'not a JSON object');
  const doh = (root as Record<string, unknown>).dns_over_https;
  if (typeof doh !== 'object' || doh === null) return parsed([]);
  const { mode, templates } = doh as Record<string, unknown>;
  if (mode !== 'secure') return parsed([]);
  // Secure mode with no template of its own uses the device's DNS provider's, which is the school's.
  const list = typeof templates === 'string' ? templates.split(/\s+/).filter(Boolean) : [];
  return parsed(list.map((template) => ({ address: template.replace(/\{\?dns\}$/, ''), how: 'only, never ordinary DNS' })));
};
