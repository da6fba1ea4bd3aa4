// Linux firewall. Sources, read in rounds (each only when the earlier ones did not answer):
//   linux.nft-ruleset-json   /usr/sbin/nft -j list ruleset           (needs root)
//   linux.iptables-rules     /usr/sbin/iptables -S                   when nft is missing or hooks no input chain
//   linux.ufw-status         /usr/sbin/ufw status verbose            (same round as iptables)
//   linux.firewalld-state    /usr/bin/firewall-cmd --state           (same round as iptables)
//   linux.firewalld-zone     /usr/bin/firewall-cmd --list-all        when firewalld is running
// The first backend that holds input rules answers; an nft ruleset without any
// input chain means nothing filters inbound traffic.
import { ERRORS } from '@invigilator/shared/errors.ts';
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { couldNotCollect, isAbsent } from '../findings.ts';
import { parsed, type Collected, type Finding, type Parsed, type PlatformCheck, type SourceSpec } from '../types.ts';
import { firewallTextOf, type FirewallFacts } from './linux-firewall-facts.ts';
import { firewalldStopped, parseFirewalldState, parseFirewalldZone } from './parse-firewalld.ts';
import { parseIptablesRules } from './parse-iptables.ts';
import { parseNftRuleset } from './parse-nft.ts';
import { parseUfwStatus } from './parse-ufw.ts';

const command = (id: string, file: string, ...args: string[]): SourceSpec => ({ kind: 'command', id, file, args, timeoutMs: 15_000 });

const NFT = command('linux.nft-ruleset-json', '/usr/sbin/nft', '-j', 'list', 'ruleset');
const IPTABLES = command('linux.iptables-rules', '/usr/sbin/iptables', '-S');
const UFW = command('linux.ufw-status', '/usr/sbin/ufw', 'status', 'verbose');
const FIREWALLD_STATE = command('linux.firewalld-state', '/usr/bin/firewall-cmd', '--state');
const FIREWALLD_ZONE = command('linux.firewalld-zone', '/usr/bin/firewall-cmd', '--list-all');
const FALLBACKS = [IPTABLES, UFW, FIREWALLD_STATE] as const;
/** firewall-cmd --state exits 252 when firewalld is not running. */
const FIREWALLD_NOT_RUNNING = 252;

const present = (collected: Collected, id: string): boolean => collected.has(id) && !isAbsent(collected, id);

const readNft = (collected: Collected): Parsed<FirewallFacts> | undefined => {
  if (isAbsent(collected, NFT.id)) return undefined;
  const text = firewallTextOf(collected, NFT.id);
  return text.ok ? parseNftRuleset(text.value) : text;
};

/** nft answered with at least one input chain: no need to ask anything else. */
const nftAnswered = (nft: Parsed<FirewallFacts> | undefined): boolean =>
  nft !== undefined && (!nft.ok || (nft.value.profiles?.length ?? 0) > 0);

const firewalldRunning = (collected: Collected): Parsed<boolean> => {
  const result = collected.get(FIREWALLD_STATE.id);
  // Newer firewalld prints "not running" on stderr.
  const withStderr = result ? new Map([[FIREWALLD_STATE.id, { ...result, stdout: `${result.stdout}\n${result.stderr}` }]]) : collected;
  const text = firewallTextOf(withStderr, FIREWALLD_STATE.id, [0, FIREWALLD_NOT_RUNNING]);
  return text.ok ? parseFirewalldState(text.value) : text;
};

const readFirewalld = (collected: Collected): Parsed<FirewallFacts> => {
  const running = firewalldRunning(collected);
  if (!running.ok) return running;
  if (!running.value) return parsed(firewalldStopped());
  const text = firewallTextOf(collected, FIREWALLD_ZONE.id);
  return text.ok ? parseFirewalldZone(text.value) : text;
};

const fromFallbacks = (collected: Collected): Parsed<FirewallFacts> | undefined => {
  if (present(collected, IPTABLES.id)) {
    const text = firewallTextOf(collected, IPTABLES.id);
    return text.ok ? parseIptablesRules(text.value) : text;
  }
  if (present(collected, UFW.id)) {
    const text = firewallTextOf(collected, UFW.id);
    return text.ok ? parseUfwStatus(text.value) : text;
  }
  if (present(collected, FIREWALLD_STATE.id)) return readFirewalld(collected);
  return undefined;
};

export const interpretFirewall = (collected: Collected): Finding => {
  const nft = readNft(collected);
  let answer = nft;
  if (!nftAnswered(nft)) {
    const missing = FALLBACKS.find((spec) => !collected.has(spec.id));
    if (missing) return couldNotCollect('SOURCE_NOT_CAPTURED', `${ERRORS.SOURCE_NOT_CAPTURED} (${missing.id})`);
    answer = fromFallbacks(collected) ?? nft;
  }
  if (answer === undefined) {
    return couldNotCollect('COMMAND_NOT_FOUND', `${ERRORS.COMMAND_NOT_FOUND} (none of nft, iptables, ufw or firewall-cmd is installed, so the firewall rules cannot be read)`);
  }
  return answer.ok ? { status: CollectionStatus.COLLECTED, firewall: answer.value } : couldNotCollect(answer.code, answer.reason);
};

export const check: PlatformCheck = {
  check: 'firewall',
  platform: 'linux',
  sources(collected) {
    if (!collected.has(NFT.id) || nftAnswered(readNft(collected))) return [NFT];
    const running = present(collected, FIREWALLD_STATE.id) ? firewalldRunning(collected) : undefined;
    return running?.ok && running.value ? [NFT, ...FALLBACKS, FIREWALLD_ZONE] : [NFT, ...FALLBACKS];
  },
  interpret(collected) {
    return interpretFirewall(collected);
  },
};
