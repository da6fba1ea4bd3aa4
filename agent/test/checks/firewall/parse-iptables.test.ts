import { describe, expect, it } from 'vitest';
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { parseIptablesRules } from '../../../src/checks/firewall/parse-iptables.ts';
import { linuxFixture } from '../collected-from.ts';

const REAL = linuxFixture('iptables-S.1.txt');

describe('parseIptablesRules', () => {
  it('reads a DROP policy with its allow list (real capture)', () => {
    expect(parseIptablesRules(REAL)).toMatchObject({ ok: true, value: {
      enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_DROP, backend: 'iptables',
      profiles: [{ name: 'filter INPUT', enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_DROP }],
      inboundAllowRules: [
        // Both are "-i eth0": open on that interface only.
        { name: 'INPUT rule 2', protocol: 'tcp', ports: '22', source: '', interface: 'eth0' },
        { name: 'http like its 1990', protocol: 'tcp', ports: '80', source: '', interface: 'eth0' },
      ],
    } });
  });

  // Variants derived from the real capture in this test.
  it('off: ACCEPT policy and no final drop', () => {
    expect(parseIptablesRules(REAL.replace('-P INPUT DROP', '-P INPUT ACCEPT'))).toMatchObject({
      ok: true, value: { enabled: Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_ALLOW },
    });
  });

  it('partly: ACCEPT policy closed by a final REJECT, allows in a user chain, CRLF endings', () => {
    const text = `${REAL.replace('-P INPUT DROP', '-P INPUT ACCEPT')}-N ADMIN\n-A INPUT -j ADMIN\n-A ADMIN -s 10.1.0.0/16 -p udp -m multiport --dports 5000:5010 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-host-prohibited\n`.replace(/\n/g, '\r\n');
    const result = parseIptablesRules(text);
    expect(result).toMatchObject({ ok: true, value: { enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_REJECT } });
    expect(result.ok && result.value.inboundAllowRules?.at(-1)).toMatchObject({ name: 'ADMIN rule 1', protocol: 'udp', ports: '5000-5010', source: '10.1.0.0/16' });
  });

  it('a conditional final DROP does not filter everything', () => {
    expect(parseIptablesRules(`${REAL.replace('-P INPUT DROP', '-P INPUT ACCEPT')}-A INPUT -m conntrack --ctstate INVALID -j DROP\n`))
      .toMatchObject({ ok: true, value: { inboundDefault: FirewallAction.FIREWALL_ALLOW } });
  });

  it.each([
    ['truncated before the policies', REAL.split('\n').slice(3).join('\n')],
    ['a localised/unknown line', 'Chain INPUT (policy DROP)\n'],
  ])('refuses %s', (_what, text) => {
    expect(parseIptablesRules(text)).toMatchObject({ ok: false, code: 'OUTPUT_UNRECOGNISED' });
  });
});
