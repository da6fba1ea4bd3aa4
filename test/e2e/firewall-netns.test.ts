// The Linux firewall check against real nftables rulesets, each loaded into a
// throw-away network namespace so the host's own firewall is never touched.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IP, NFT } from '../support/netns.ts';
import { tempDir } from '../support/processes.ts';

const CHECK_SCRIPT = path.join(import.meta.dirname, 'helpers/run-linux-firewall-check.ts');
const canRun = process.platform === 'linux' && process.getuid?.() === 0 && existsSync(NFT);
const namespace = `inv-fw-${randomBytes(4).toString('hex')}`;
const rulesDir = canRun ? tempDir('fw-netns') : '';

const inNamespace = (file: string, args: readonly string[]): string =>
  execFileSync(IP, ['netns', 'exec', namespace, file, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const loadRuleset = (name: string, ruleset: string): void => {
  const file = path.join(rulesDir, `${name}.nft`);
  // nft 1.0.6 wants each closing '}' on its own line (and no ';' before it); the one-line form reads best here.
  writeFileSync(file, `flush ruleset\n${ruleset.replace(/;?\s*}/g, '\n}')}\n`);
  inNamespace(NFT, ['-f', file]);
};

const firewallObservation = (): Record<string, unknown> =>
  JSON.parse(inNamespace(process.execPath, [CHECK_SCRIPT])) as Record<string, unknown>;

describe.runIf(canRun)('linux firewall check in a network namespace (needs Linux, root and nft)', () => {
  beforeAll(() => {
    execFileSync(IP, ['netns', 'add', namespace]);
  });

  afterAll(() => {
    execFileSync(IP, ['netns', 'delete', namespace]);
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('an empty ruleset filters nothing', () => {
    expect(firewallObservation()).toMatchObject({
      check: 'firewall', status: 'COLLECTED',
      firewall: { enabled: 'TRI_NO', inboundDefault: 'FIREWALL_ALLOW', backend: 'nftables' },
    });
  });

  it('a drop policy with ssh allowed: filtered, one allow rule tcp/22', () => {
    loadRuleset('drop-ssh', 'table inet filter { chain input { type filter hook input priority 0; policy drop; ct state established,related accept; iif lo accept; tcp dport 22 accept; } }');
    const observation = firewallObservation();
    expect(observation).toMatchObject({
      status: 'COLLECTED',
      firewall: {
        enabled: 'TRI_YES', inboundDefault: 'FIREWALL_DROP', backend: 'nftables',
        profiles: [{ name: 'inet filter input', enabled: 'TRI_YES', inboundDefault: 'FIREWALL_DROP' }],
      },
    });
    expect((observation.firewall as { inboundAllowRules: unknown[] }).inboundAllowRules).toEqual([
      { name: 'inet filter input handle 4', protocol: 'tcp', ports: '22', profile: 'inet filter input' },
    ]);
  });

  it('an allow rule limited to one interface keeps its interface, not "allow anything"', () => {
    loadRuleset('iifname', 'table inet filter { chain input { type filter hook input priority 0; policy drop; iif lo accept; iifname "wg0" accept; iifname "eth1" tcp dport 8080 accept; } }');
    expect((firewallObservation().firewall as { inboundAllowRules: unknown[] }).inboundAllowRules).toEqual([
      { name: 'inet filter input handle 3', protocol: 'any', profile: 'inet filter input', interface: 'wg0' },
      { name: 'inet filter input handle 4', protocol: 'tcp', ports: '8080', profile: 'inet filter input', interface: 'eth1' },
    ]);
  });

  it('an accept policy closed by a final reject is filtered', () => {
    loadRuleset('accept-reject', 'table inet filter { chain input { type filter hook input priority 0; policy accept; ct state established,related accept; iif lo accept; tcp dport 443 accept; reject; } }');
    expect(firewallObservation()).toMatchObject({
      status: 'COLLECTED',
      firewall: { enabled: 'TRI_YES', inboundDefault: 'FIREWALL_REJECT', inboundAllowRules: [{ protocol: 'tcp', ports: '443' }] },
    });
  });
});
