import { describe, expect, it } from 'vitest';
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { parseUfwStatus } from '../../../src/checks/firewall/parse-ufw.ts';
import { linuxFixture } from '../collected-from.ts';

// The vagrant capture is a terminal transcript: cut out each command's own output.
const TRANSCRIPT = linuxFixture('ufw-status-verbose.1-vagrant-inactive-to-active.txt');
const outputOf = (prompt: string, occurrence = 0): string =>
  TRANSCRIPT.split(`vagrant@vagrant:~$ ${prompt}\n`)[occurrence + 1]?.split('vagrant@vagrant:~$')[0] ?? '';
const UBUNTU_2404 = linuxFixture('ufw-status-verbose.2-ubuntu2404-trailing-spaces.txt');

describe('parseUfwStatus', () => {
  it('on: deny incoming with its allow list, trailing padding and v6 duplicates', () => {
    const result = parseUfwStatus(UBUNTU_2404);
    expect(result).toMatchObject({ ok: true, value: { enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_DROP, backend: 'ufw' } });
    expect(result.ok && result.value.inboundAllowRules?.map((rule) => `${rule.protocol}/${rule.ports}`)).toEqual(['tcp/20022', 'tcp/15034', 'tcp/20022', 'tcp/15034']);
    expect(result.ok && result.value.inboundAllowRules?.[2]?.name).toBe('20022/tcp (v6) ALLOW IN Anywhere (v6)');
  });

  it('on: ports without a protocol (vagrant transcript, verbose part)', () => {
    const result = parseUfwStatus(outputOf('sudo ufw status verbose'));
    expect(result.ok && result.value.inboundAllowRules?.map((rule) => `${rule.protocol}/${rule.ports}/${rule.source}`)).toEqual(['any/22/', 'any/443/', 'any/22/', 'any/443/']);
  });

  it('off: Status: inactive (vagrant transcript, first command)', () => {
    expect(parseUfwStatus(outputOf('sudo ufw status'))).toMatchObject({
      ok: true, value: { enabled: Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_ALLOW, inboundAllowRules: [] },
    });
  });

  // Variants derived from the real capture in this test.
  it('reads reject incoming, limits, sources, app profiles and comments; skips outbound rules', () => {
    const text = UBUNTU_2404.replace('deny (incoming)', 'reject (incoming)')
      .replace(/\n$/, '\nOpenSSH                    LIMIT IN    192.168.0.0/24             # staff\n53                         ALLOW OUT   Anywhere\n8000:8080/tcp on eth0      ALLOW IN    Anywhere\n');
    const result = parseUfwStatus(text);
    expect(result).toMatchObject({ ok: true, value: { inboundDefault: FirewallAction.FIREWALL_REJECT } });
    expect(result.ok && result.value.inboundAllowRules?.slice(4)).toMatchObject([
      { name: 'staff', application: 'OpenSSH', source: '192.168.0.0/24', interface: '' },
      // `ufw allow in on eth0 ...`: open on eth0 only, which the facts keep.
      { protocol: 'tcp', ports: '8000-8080', interface: 'eth0' },
    ]);
  });

  it.each([
    ['localised output', UBUNTU_2404.replace('Status: active', 'Estado: activo'), 'OUTPUT_UNRECOGNISED'],
    ['truncated before the defaults', UBUNTU_2404.split('\n')[0] ?? '', 'OUTPUT_UNRECOGNISED'],
    ['a cut rule line', `${UBUNTU_2404}20022/tc\n`, 'OUTPUT_MALFORMED'],
  ])('refuses %s', (_what, text, code) => {
    expect(parseUfwStatus(text)).toMatchObject({ ok: false, code });
  });
});
