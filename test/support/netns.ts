// A throw-away network namespace joined to this machine by a veth pair, so an agent
// started inside it reaches a collector listening on the host end, while its
// nftables ruleset is its own (the host's firewall is never touched).
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Launcher } from './processes.ts';

export const IP = ['/usr/sbin/ip', '/usr/bin/ip', '/sbin/ip'].find((candidate) => existsSync(candidate)) ?? 'ip';
export const NFT = '/usr/sbin/nft';
const NSENTER = '/usr/bin/nsenter';

export interface Netns {
  name: string;
  /** The host end's address: where a collector for the namespace's agent listens. */
  hostAddress: string;
  launcher: Launcher;
  run(file: string, args: readonly string[], input?: string): string;
  destroy(): void;
}

const ip = (...args: string[]): string => execFileSync(IP, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export const createNetns = (): Netns => {
  const id = randomBytes(3).toString('hex');
  const name = `inv-${id}`;
  const hostIf = `invh${id}`;
  const nsIf = `invn${id}`;
  // A random /30 in 10.250.0.0/16, so concurrent runs do not clash.
  const base = randomInt(0, 16_384) * 4;
  const address = (offset: number): string => `10.250.${Math.floor((base + offset) / 256)}.${(base + offset) % 256}`;
  ip('netns', 'add', name);
  try {
    ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf, 'netns', name);
    ip('addr', 'add', `${address(1)}/30`, 'dev', hostIf);
    ip('link', 'set', hostIf, 'up');
    ip('netns', 'exec', name, IP, 'addr', 'add', `${address(2)}/30`, 'dev', nsIf);
    ip('netns', 'exec', name, IP, 'link', 'set', nsIf, 'up');
    ip('netns', 'exec', name, IP, 'link', 'set', 'lo', 'up');
  } catch (error) {
    try { ip('link', 'delete', hostIf); } catch { /* never made */ }
    ip('netns', 'delete', name);
    throw error;
  }
  return {
    name,
    hostAddress: address(1),
    // nsenter joins only the network namespace: `ip netns exec` would also give the agent a
    // mount namespace of its own, where sticks mounted on the host never appear.
    launcher: { file: NSENTER, args: [`--net=/run/netns/${name}`, '--'] },
    run: (file, args, input) => execFileSync(IP, ['netns', 'exec', name, file, ...args],
      { encoding: 'utf8', input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] }),
    destroy: () => {
      try { ip('link', 'delete', hostIf); } catch { /* gone with the namespace */ }
      ip('netns', 'delete', name);
    },
  };
};
