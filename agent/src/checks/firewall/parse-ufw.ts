// Pure parser for `ufw status verbose` (read with LC_ALL=C: ufw translates its output).
import { FirewallAction } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { actionFromVerdict, allowRule, factsFrom, type FirewallFacts, type FirewallRule } from './linux-firewall-facts.ts';

const PROFILE = 'ufw';
// "22/tcp (v6)   ALLOW IN   Anywhere (v6)   # comment": columns are padded with two or more spaces.
const RULE = /^(.+?)\s{2,}(ALLOW|DENY|REJECT|LIMIT)(?: (IN|OUT|FWD))?(?: \(log(?:-all)?\))?\s+(.+?)(?:\s+# (.*))?$/;

const withoutSuffixes = (text: string): string => text.replace(/ \(v6\)/g, '').replace(/ on \S+$/, '').trim();
/** "22/tcp on eth0": `ufw allow in on eth0 to any port 22` lets traffic in on eth0 only. */
const interfaceOf = (to: string): string => / on (\S+)$/.exec(to.replace(/ \(v6\)/g, '').trim())?.[1] ?? '';

/** "8000:8080/tcp" → tcp 8000-8080; "22" → any 22; "Apache Full" → an application profile. */
const target = (to: string): Pick<FirewallRule, 'protocol' | 'ports' | 'application'> => {
  const bare = withoutSuffixes(to);
  if (bare === 'Anywhere') return { protocol: 'any', ports: '', application: '' };
  const port = /^([\d,:]+)(?:\/(\w+))?$/.exec(bare);
  if (port) return { protocol: port[2] ?? 'any', ports: (port[1] ?? '').replaceAll(':', '-'), application: '' };
  return { protocol: 'any', ports: '', application: bare };
};

export const parseUfwStatus = (text: string): Parsed<FirewallFacts> => {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  const status = lines.map((line) => /^Status: (active|inactive)$/.exec(line.trim())?.[1]).find(Boolean);
  if (!status) return notParsed('OUTPUT_UNRECOGNISED', 'ufw did not print "Status: active" or "Status: inactive" (another language or version?).');
  if (status === 'inactive') return parsed(factsFrom('ufw', [{ name: PROFILE, inboundDefault: FirewallAction.FIREWALL_ALLOW }], []));

  const incoming = lines.map((line) => /^Default: (\w+) \(incoming\)/.exec(line)?.[1]).find(Boolean);
  const inboundDefault = incoming === undefined ? undefined : actionFromVerdict(incoming);
  if (inboundDefault === undefined) return notParsed('OUTPUT_UNRECOGNISED', 'ufw is active but printed no "Default: … (incoming)" line the agent recognises.');

  const table = lines.findIndex((line) => /^--\s+------\s+----/.test(line));
  const rules: FirewallRule[] = [];
  for (const line of table < 0 ? [] : lines.slice(table + 1)) {
    if (line.trim() === '') continue;
    const match = RULE.exec(line);
    if (!match) return notParsed('OUTPUT_MALFORMED', `ufw printed a rule line the agent cannot read: "${line.slice(0, 80)}".`);
    const [, to = '', action = '', direction, from = '', comment] = match;
    const inbound = direction === undefined || direction === 'IN';
    if (!inbound || (action !== 'ALLOW' && action !== 'LIMIT')) continue;
    const source = withoutSuffixes(from);
    rules.push(allowRule({
      name: comment ?? line.trim().replace(/\s{2,}/g, ' '),
      profile: PROFILE,
      ...target(to),
      source: source === 'Anywhere' ? '' : source,
      interface: interfaceOf(to),
    }));
  }
  return parsed(factsFrom('ufw', [{ name: PROFILE, inboundDefault }], rules));
};
