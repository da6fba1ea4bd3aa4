import { describe, expect, it } from 'vitest';
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { parseNftRuleset } from '../../../src/checks/firewall/parse-nft.ts';
import { linuxFixture } from '../collected-from.ts';

const facts = (name: string) => {
  const result = parseNftRuleset(linuxFixture(name));
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};
const summary = (name: string) => {
  const value = facts(name);
  return { enabled: value.enabled, inboundDefault: value.inboundDefault, profiles: value.profiles?.map((profile) => profile.name) };
};
const allows = (name: string) => facts(name).inboundAllowRules?.map(({ protocol, ports, source }) => `${protocol}/${ports}${source ? ` from ${source}` : ''}`);

describe('parseNftRuleset', () => {
  it.each([
    ['nft-list-ruleset-json.devmachine-drop-allow-list.json', Tri.TRI_YES, FirewallAction.FIREWALL_DROP, ['inet filter input']],
    ['nft-list-ruleset-json.devmachine-accept-final-reject.json', Tri.TRI_YES, FirewallAction.FIREWALL_REJECT, ['inet filter input']],
    ['nft-list-ruleset-json.devmachine-from-docker-paste.json', Tri.TRI_YES, FirewallAction.FIREWALL_DROP, ['inet filter input']],
    ['nft-list-ruleset-json.1.json', Tri.TRI_NO, FirewallAction.FIREWALL_ALLOW, ['ip filter INPUT']],
    ['nft-list-ruleset-json.devmachine-empty.json', Tri.TRI_NO, FirewallAction.FIREWALL_ALLOW, []],
  ])('%s → enabled %s, inbound %s', (name, enabled, inboundDefault, profiles) => {
    expect(summary(name)).toEqual({ enabled, inboundDefault, profiles });
  });

  it('lists the allow rules a reviewer needs, following jumps, without housekeeping rules', () => {
    expect(allows('nft-list-ruleset-json.devmachine-drop-allow-list.json')).toEqual([
      'tcp/22', 'tcp/80,443 from 10.0.0.0/8', 'udp/5000-5010', 'udp/546 from fe80::/10', 'tcp/8080',
      'any/', // iifname "eth0" ct state new accept: a whole interface open
      'tcp/3389 from 192.168.10.5,192.168.10.6', // in chain admin, reached by jump
    ]);
    const rules = facts('nft-list-ruleset-json.devmachine-drop-allow-list.json').inboundAllowRules ?? [];
    expect(rules[1]).toMatchObject({ name: 'web', profile: 'inet filter input' });
    expect(rules[0]).toMatchObject({ name: 'inet filter input handle 6', application: '', interface: '' });
    // iifname "eth0" ct state new accept: open on eth0 only, which the facts keep.
    expect(rules[5]).toMatchObject({ protocol: 'any', ports: '', source: '', interface: 'eth0' });
  });

  it('leaves Docker chains (not hooked on input) and icmp/ssh allows in their place', () => {
    expect(allows('nft-list-ruleset-json.devmachine-from-docker-paste.json')).toEqual([
      'icmp/', 'icmpv6/', 'tcp/22 from 192.168.1.0/24', 'tcp/22 from 100.64.0.0/10', 'tcp/80,443 from 192.168.1.0/24',
      'tcp/80,443 from 100.64.0.0/10', 'tcp/1883 from 192.168.1.0/24', 'udp/41641',
    ]);
  });

  it('does not count the loopback accept of an accept-policy chain as an allow rule', () => {
    expect(allows('nft-list-ruleset-json.1.json')).toEqual([]);
  });

  const real = linuxFixture('nft-list-ruleset-json.devmachine-drop-allow-list.json');
  it.each([
    ['truncated JSON', real.slice(0, real.length / 2), 'OUTPUT_MALFORMED'],
    ['text output instead of JSON', linuxFixture('nft-list-ruleset.1-inet-drop-plus-docker.txt'), 'OUTPUT_MALFORMED'],
    ['JSON of another shape', '{"tables": []}', 'OUTPUT_UNRECOGNISED'],
    ['a rule without expressions', '{"nftables": [{"rule": {"family": "inet", "table": "filter", "chain": "input"}}]}', 'OUTPUT_UNRECOGNISED'],
    ['a nameless chain', '{"nftables": [{"chain": {"family": "inet", "hook": "input"}}]}', 'OUTPUT_UNRECOGNISED'],
  ])('refuses %s', (_what, text, code) => {
    expect(parseNftRuleset(text)).toMatchObject({ ok: false, code });
  });
});
