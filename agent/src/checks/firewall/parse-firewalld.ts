// Pure parsers for firewalld: `firewall-cmd --state` and `firewall-cmd --list-all`
// (the default zone: its target and what it lets in).
import { FirewallAction } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { allowRule, factsFrom, type FirewallActionValue, type FirewallFacts, type FirewallRule } from './linux-firewall-facts.ts';

/** "running" / "not running" (printed on stdout or stderr depending on the version). */
export const parseFirewalldState = (text: string): Parsed<boolean> => {
  const answer = text.trim().split(/\r?\n/).at(-1)?.trim();
  if (answer === 'running') return parsed(true);
  if (answer === 'not running') return parsed(false);
  return notParsed('OUTPUT_UNRECOGNISED', `firewall-cmd --state answered "${(answer ?? '').slice(0, 80)}" where the agent expected "running" or "not running".`);
};

export const firewalldStopped = (): FirewallFacts => factsFrom('firewalld', [], []);

// Zone targets: "default" rejects what the zone does not allow (ICMP aside).
const TARGETS: Record<string, FirewallActionValue> = {
  'default': FirewallAction.FIREWALL_REJECT,
  '%%REJECT%%': FirewallAction.FIREWALL_REJECT,
  'REJECT': FirewallAction.FIREWALL_REJECT,
  'DROP': FirewallAction.FIREWALL_DROP,
  'ACCEPT': FirewallAction.FIREWALL_ALLOW,
};

const richRule = (rule: string, profile: string, zoneSource: string): FirewallRule => {
  const attribute = (element: string, name: string): string | undefined => new RegExp(`${element} [^/]*?${name}="([^"]*)"`).exec(rule)?.[1];
  const protocol = attribute('port', 'protocol');
  return allowRule({
    name: rule, profile,
    ...(protocol ? { protocol } : {}),
    ports: attribute('port', 'port') ?? '',
    source: attribute('source', 'address') ?? zoneSource,
    application: attribute('service', 'name') ?? '',
  });
};

export const parseFirewalldZone = (text: string): Parsed<FirewallFacts> => {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const zone = /^\s*(\S+)(?: \(([^)]*)\))?$/.exec(lines[0] ?? '')?.[1];
  const fields = new Map<string, string>();
  const rich: string[] = [];
  let inRichRules = false;
  for (const line of lines.slice(1)) {
    const field = /^\s*([a-z-]+( rules)?):(.*)$/.exec(line);
    if (field?.[1]) {
      fields.set(field[1], (field[3] ?? '').trim());
      inRichRules = field[1] === 'rich rules';
    } else if (inRichRules) rich.push(line.trim());
  }
  const target = fields.get('target');
  const inboundDefault = target === undefined ? undefined : TARGETS[target];
  if (!zone || inboundDefault === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED', `firewall-cmd --list-all printed no zone with a target the agent recognises (target "${target ?? ''}").`);
  }
  const profile = `firewalld ${zone}`;
  const words = (name: string): string[] => (fields.get(name) ?? '').split(/\s+/).filter(Boolean);
  const source = words('sources').join(',');
  const rules: FirewallRule[] = [
    ...words('services').map((service) => allowRule({ name: `service ${service}`, profile, source, application: service })),
    ...words('ports').map((port) => {
      const [ports = '', protocol = 'any'] = port.split('/');
      return allowRule({ name: `port ${port}`, profile, protocol, ports, source });
    }),
    ...words('protocols').map((protocol) => allowRule({ name: `protocol ${protocol}`, profile, protocol, source })),
    ...rich.filter((rule) => /\baccept\b/.test(rule)).map((rule) => richRule(rule, profile, source)),
  ];
  return parsed(factsFrom('firewalld', [{ name: profile, inboundDefault }], rules));
};
