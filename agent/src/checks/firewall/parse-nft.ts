// Pure parser for `nft -j list ruleset`: which base chains hook input, whether
// each filters (policy drop, or a final unconditional drop/reject), and the
// accept rules reachable from them (following jump/goto), leaving out the
// established/related and loopback rules every ruleset has.
import { FirewallAction } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { actionFromVerdict, allowRule, factsFrom, type FirewallActionValue, type FirewallFacts, type FirewallRule, type InputPath } from './linux-firewall-facts.ts';

interface NftChain {
  family: string;
  table: string;
  name: string;
  hook?: string;
  policy?: string;
}

interface NftRule {
  family: string;
  table: string;
  chain: string;
  handle?: number;
  comment?: string;
  expr: Record<string, unknown>[];
}

interface Ruleset {
  chains: NftChain[];
  rules: NftRule[];
}

// Netfilter families whose input hook carries traffic addressed to this host.
const HOST_FAMILIES = new Set(['ip', 'ip6', 'inet']);
// Statements that neither match nor decide: a rule made only of these and a verdict is unconditional.
const NON_MATCHING = new Set(['counter', 'log', 'accept', 'drop', 'reject']);
const VERDICTS = ['accept', 'drop', 'reject', 'jump', 'goto', 'return', 'queue'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const chainKey = (family: string, table: string, chain: string): string => `${family} ${table} ${chain}`;

const readRuleset = (text: string): Parsed<Ruleset> => {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return notParsed('OUTPUT_MALFORMED', `nft printed JSON that does not parse (${(error as Error).message}).`);
  }
  if (!isObject(document) || !Array.isArray(document.nftables)) {
    return notParsed('OUTPUT_UNRECOGNISED', 'nft printed JSON without the "nftables" list the agent reads.');
  }
  const ruleset: Ruleset = { chains: [], rules: [] };
  for (const item of document.nftables as unknown[]) {
    if (!isObject(item)) return notParsed('OUTPUT_UNRECOGNISED', 'nft printed a ruleset entry that is not an object.');
    const { chain, rule } = item;
    if (chain !== undefined) {
      if (!isObject(chain) || typeof chain.family !== 'string' || typeof chain.table !== 'string' || typeof chain.name !== 'string') {
        return notParsed('OUTPUT_UNRECOGNISED', 'nft printed a chain without family, table and name.');
      }
      ruleset.chains.push(chain as unknown as NftChain);
    }
    if (rule !== undefined) {
      if (!isObject(rule) || typeof rule.chain !== 'string' || !Array.isArray(rule.expr) || !rule.expr.every(isObject)) {
        return notParsed('OUTPUT_UNRECOGNISED', 'nft printed a rule without a chain and a list of expressions.');
      }
      ruleset.rules.push(rule as unknown as NftRule);
    }
  }
  return parsed(ruleset);
};

const verdictOf = (rule: NftRule): { verdict: string; target?: string } | undefined => {
  for (const statement of rule.expr) {
    const verdict = VERDICTS.find((name) => name in statement);
    if (!verdict) continue;
    const argument = statement[verdict];
    return { verdict, target: isObject(argument) && typeof argument.target === 'string' ? argument.target : undefined };
  }
  return undefined;
};

const isUnconditional = (rule: NftRule): boolean => rule.expr.every((statement) => Object.keys(statement).every((key) => NON_MATCHING.has(key)));

/** nft JSON values as people write them: 22, "80,443", "5000-5010", "10.0.0.0/8". */
const formatValue = (value: unknown): string => {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(formatValue).join(',');
  if (isObject(value)) {
    if ('set' in value) return formatValue(value.set);
    if (Array.isArray(value.range)) return value.range.map(formatValue).join('-');
    if (isObject(value.prefix)) return `${formatValue(value.prefix.addr)}/${formatValue(value.prefix.len)}`;
  }
  return JSON.stringify(value);
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : isObject(value) && Array.isArray(value.set) ? value.set : [value]);

/** Rules a reviewer does not need to see: replies to our own traffic, and the host talking to itself. */
const isHousekeeping = (left: Record<string, unknown>, op: unknown, right: unknown): boolean => {
  if (op === '!=') return false;
  if (isObject(left.meta) && (left.meta.key === 'iif' || left.meta.key === 'iifname') && right === 'lo') return true;
  if (isObject(left.ct) && left.ct.key === 'state') {
    return asList(right).every((state) => state === 'established' || state === 'related');
  }
  return false;
};

/** The accept rule as a reviewable record, or undefined when it is housekeeping. */
const toAllowRule = (rule: NftRule, profile: string): FirewallRule | undefined => {
  let protocol = '';
  let ports = '';
  let source = '';
  // A rule limited to one interface ("iifname wg0 accept") lets traffic in there only, not from anywhere.
  let inInterface = '';
  for (const statement of rule.expr) {
    if (!isObject(statement.match)) continue;
    const { left, right, op } = statement.match;
    if (!isObject(left)) continue;
    if (isHousekeeping(left, op, right)) return undefined;
    const value = `${op === '!=' ? '!' : ''}${formatValue(right)}`;
    if (isObject(left.payload)) {
      const { protocol: header, field } = left.payload;
      if (field === 'dport') {
        ports = value;
        if (header !== 'th') protocol = String(header);
      } else if (field === 'saddr' && (header === 'ip' || header === 'ip6')) source = value;
      else if ((header === 'ip' && field === 'protocol') || (header === 'ip6' && field === 'nexthdr')) protocol = value;
      else if (!protocol && typeof header === 'string' && header !== 'ip' && header !== 'ip6' && header !== 'th') protocol = header;
    } else if (isObject(left.meta) && left.meta.key === 'l4proto') protocol = value;
    else if (isObject(left.meta) && (left.meta.key === 'iifname' || left.meta.key === 'iif')) inInterface = value;
  }
  const name = rule.comment ?? `${chainKey(rule.family, rule.table, rule.chain)} handle ${rule.handle ?? '?'}`;
  return allowRule({ name, profile, ...(protocol ? { protocol } : {}), ports, source, interface: inInterface });
};

/** The chain's own rules and those of every chain it jumps or goes to, each once. */
const reachableRules = (ruleset: Ruleset, start: NftChain): NftRule[] => {
  const seen = new Set<string>();
  const rules: NftRule[] = [];
  const visit = (chain: string): void => {
    const key = chainKey(start.family, start.table, chain);
    if (seen.has(key)) return;
    seen.add(key);
    for (const rule of ruleset.rules) {
      if (rule.family !== start.family || rule.table !== start.table || rule.chain !== chain) continue;
      rules.push(rule);
      const verdict = verdictOf(rule);
      if (verdict?.target && (verdict.verdict === 'jump' || verdict.verdict === 'goto')) visit(verdict.target);
    }
  };
  visit(start.name);
  return rules;
};

const inboundDefaultOf = (ruleset: Ruleset, chain: NftChain): FirewallActionValue => {
  if (chain.policy === 'drop') return FirewallAction.FIREWALL_DROP;
  const own = ruleset.rules.filter((rule) => rule.family === chain.family && rule.table === chain.table && rule.chain === chain.name);
  const last = own.at(-1);
  const verdict = last && isUnconditional(last) ? verdictOf(last)?.verdict : undefined;
  const action = verdict === undefined ? undefined : actionFromVerdict(verdict);
  return action === FirewallAction.FIREWALL_DROP || action === FirewallAction.FIREWALL_REJECT ? action : FirewallAction.FIREWALL_ALLOW;
};

export const parseNftRuleset = (text: string): Parsed<FirewallFacts> => {
  const ruleset = readRuleset(text);
  if (!ruleset.ok) return ruleset;
  const inputChains = ruleset.value.chains.filter((chain) => chain.hook === 'input' && HOST_FAMILIES.has(chain.family));
  const paths: InputPath[] = [];
  const rules: FirewallRule[] = [];
  for (const chain of inputChains) {
    const profile = chainKey(chain.family, chain.table, chain.name);
    paths.push({ name: profile, inboundDefault: inboundDefaultOf(ruleset.value, chain) });
    for (const rule of reachableRules(ruleset.value, chain)) {
      if (verdictOf(rule)?.verdict !== 'accept') continue;
      const allow = toAllowRule(rule, profile);
      if (allow) rules.push(allow);
    }
  }
  return parsed(factsFrom('nftables', paths, rules));
};
