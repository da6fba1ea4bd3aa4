import { describe, expect, it } from 'vitest';
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { parseFirewalldState, parseFirewalldZone } from '../../../src/checks/firewall/parse-firewalld.ts';
import { linuxFixture } from '../collected-from.ts';

const ZONE = linuxFixture('firewall-cmd-list-all.1-fedora-workstation.txt');

describe('parseFirewalldState', () => {
  it.each([
    ['firewall-cmd-state.running.txt', true],
    // a transcript: the last line is the answer after `systemctl stop firewalld`
    ['firewall-cmd-state.not-running.txt', false],
  ])('%s → %s', (name, running) => {
    expect(parseFirewalldState(linuxFixture(name))).toEqual({ ok: true, value: running });
  });

  it('refuses anything else', () => {
    expect(parseFirewalldState('läuft\n')).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});

describe('parseFirewalldZone', () => {
  it('on: target default rejects; services and port ranges are the allow list', () => {
    const result = parseFirewalldZone(ZONE);
    expect(result).toMatchObject({ ok: true, value: {
      enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_REJECT, backend: 'firewalld',
      profiles: [{ name: 'firewalld FedoraWorkstation' }],
    } });
    expect(result.ok && result.value.inboundAllowRules?.map((rule) => rule.application || `${rule.protocol}/${rule.ports}`))
      .toEqual(['dhcpv6-client', 'mdns', 'samba-client', 'ssh', 'udp/1025-65535', 'tcp/1025-65535']);
  });

  // Variants derived from the real capture in this test.
  it('off: a zone with target ACCEPT lets everything in', () => {
    expect(parseFirewalldZone(ZONE.replace('target: default', 'target: ACCEPT'))).toMatchObject({
      ok: true, value: { enabled: Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_ALLOW },
    });
  });

  it('reads DROP targets, zone sources and accepting rich rules (CRLF)', () => {
    const text = ZONE.replace('target: default', 'target: DROP').replace('sources: ', 'sources: 10.0.0.0/8')
      .replace('rich rules: \n', 'rich rules: \n\trule family="ipv4" source address="192.168.1.10" port port="3389" protocol="tcp" accept\n\trule family="ipv4" source address="192.168.1.11" drop\n')
      .replace(/\n/g, '\r\n');
    const result = parseFirewalldZone(text);
    expect(result).toMatchObject({ ok: true, value: { inboundDefault: FirewallAction.FIREWALL_DROP } });
    const rules = result.ok ? result.value.inboundAllowRules ?? [] : [];
    expect(rules[0]?.source).toBe('10.0.0.0/8');
    expect(rules.at(-1)).toMatchObject({ protocol: 'tcp', ports: '3389', source: '192.168.1.10' });
    expect(rules).toHaveLength(7);
  });

  it.each([
    ['truncated before the target', ZONE.split('\n')[0] ?? ''],
    ['an unknown target', ZONE.replace('target: default', 'target: QUARANTINE')],
  ])('refuses %s', (_what, text) => {
    expect(parseFirewalldZone(text)).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});
