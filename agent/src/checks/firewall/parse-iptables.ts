// Pure parser for `iptables -S` (the filter table as rule-spec lines): INPUT's
// policy, whether INPUT ends in an unconditional DROP/REJECT, and the ACCEPT
// rules reachable from INPUT, leaving out established/related and loopback.
import { FirewallAction } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { actionFromVerdict, allowRule, factsFrom, type FirewallFacts, type FirewallRule } from './linux-firewall-facts.ts';

const INPUT = 'INPUT';
const PROFILE = 'filter INPUT';

interface SpecRule {
  chain: string;
  /** Tokens after `-A CHAIN`, quotes removed. */
  args: string[];
  index: number;
}

/** Splits a rule-spec line the way the shell would have: quoted comments stay whole. */
const tokens = (line: string): string[] =>
  [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((match) => (match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2] ?? ''));

/** The value after an option, with "!" kept when the option is negated. */
const optionValue = (args: readonly string[], ...names: string[]): string | undefined => {
  const at = args.findIndex((arg) => names.includes(arg));
  if (at < 0) return undefined;
  return `${args[at - 1] === '!' ? '!' : ''}${args[at + 1] ?? ''}`;
};

const isHousekeeping = (args: readonly string[]): boolean => {
  if (optionValue(args, '-i', '--in-interface') === 'lo') return true;
  const states = optionValue(args, '--ctstate', '--state');
  return states !== undefined && !states.startsWith('!') && states.split(',').every((state) => state === 'RELATED' || state === 'ESTABLISHED');
};

const toAllowRule = (rule: SpecRule): FirewallRule | undefined => {
  if (isHousekeeping(rule.args)) return undefined;
  const protocol = optionValue(rule.args, '-p', '--protocol');
  const ports = optionValue(rule.args, '--dport', '--dports', '--destination-port');
  return allowRule({
    name: optionValue(rule.args, '--comment') ?? `${rule.chain} rule ${rule.index}`,
    profile: PROFILE,
    ...(protocol ? { protocol } : {}),
    ports: ports?.replaceAll(':', '-') ?? '',
    source: optionValue(rule.args, '-s', '--source') ?? '',
    interface: optionValue(rule.args, '-i', '--in-interface') ?? '',
  });
};

export const parseIptablesRules = (text: string): Parsed<FirewallFacts> => {
  const policies = new Map<string, string>();
  const rules: SpecRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [option, chain, ...rest] = tokens(line);
    if (option === '-P' && chain && rest[0]) policies.set(chain, rest[0]);
    else if (option === '-A' && chain) rules.push({ chain, args: rest, index: rules.filter((rule) => rule.chain === chain).length + 1 });
    else if (option !== '-N' || !chain) return notParsed('OUTPUT_UNRECOGNISED', `iptables printed a line the agent does not recognise: "${line.slice(0, 80)}".`);
  }
  const policy = policies.get(INPUT);
  if (policy === undefined) return notParsed('OUTPUT_UNRECOGNISED', 'iptables printed no policy for the INPUT chain (is the output cut short?).');

  const targetOf = (rule: SpecRule): string | undefined => optionValue(rule.args, '-j', '--jump', '-g', '--goto');
  const reachable: SpecRule[] = [];
  const seen = new Set<string>();
  const visit = (chain: string): void => {
    if (seen.has(chain)) return;
    seen.add(chain);
    for (const rule of rules.filter((candidate) => candidate.chain === chain)) {
      reachable.push(rule);
      const target = targetOf(rule);
      if (target && rules.some((candidate) => candidate.chain === target)) visit(target);
    }
  };
  visit(INPUT);

  const last = rules.filter((rule) => rule.chain === INPUT).at(-1);
  // Unconditional: nothing but the jump (and REJECT's --reject-with).
  const lastIsUnconditional = last !== undefined && (last.args[0] === '-j' || last.args[0] === '--jump') && (last.args.length === 2 || last.args[2] === '--reject-with');
  const policyAction = actionFromVerdict(policy);
  const lastAction = lastIsUnconditional ? actionFromVerdict(targetOf(last) ?? '') : undefined;
  const inboundDefault = policyAction === FirewallAction.FIREWALL_DROP ? policyAction
    : lastAction === FirewallAction.FIREWALL_DROP || lastAction === FirewallAction.FIREWALL_REJECT ? lastAction
      : FirewallAction.FIREWALL_ALLOW;
  const allows = reachable.filter((rule) => targetOf(rule) === 'ACCEPT').map(toAllowRule).filter((rule) => rule !== undefined);
  return parsed(factsFrom('iptables', [{ name: PROFILE, inboundDefault }], allows));
};
