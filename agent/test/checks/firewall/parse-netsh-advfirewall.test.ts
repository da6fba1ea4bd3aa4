import { describe, expect, it } from 'vitest';
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { parseNetshAdvfirewall } from '../../../src/checks/firewall/parse-netsh-advfirewall.ts';
import { cutShort, utf16MisreadAsUtf8, windowsFixture, withCrlf } from '../windows-fixtures.ts';

const allOff = windowsFixture('netsh-advfirewall-show-allprofiles.1-all-off.txt');

// Variants of the real capture (not captures themselves): real consoles add a
// trailing space to headings and end with "Ok."; German netsh translates labels.
const realConsole = `${withCrlf(allOff.replace(/Profile Settings:/g, 'Profile Settings: '))}\r\nOk.\r\n`;
const partlyOn = allOff.replace('State                                 OFF', 'State                                 ON');
const german = allOff.replace(/(Domain|Private|Public) Profile Settings:/g, '$1profil-Einstellungen:').replaceAll('State ', 'Status');

describe('parseNetshAdvfirewall', () => {
  it('reads the real capture: all three profiles off, inbound blocked', () => {
    expect(parseNetshAdvfirewall(realConsole)).toEqual({ ok: true, value: ['Domain', 'Private', 'Public'].map((name) => ({
      name, enabled: Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_DROP, blockAllIncoming: Tri.TRI_NO,
    })) });
  });

  it('reads profiles one by one (Domain on, the rest off)', () => {
    const result = parseNetshAdvfirewall(partlyOn);
    expect(result.ok && result.value.map((profile) => profile.enabled)).toEqual([Tri.TRI_YES, Tri.TRI_NO, Tri.TRI_NO]);
  });

  it('reads "block all incoming" and "allow inbound" policies', () => {
    const result = parseNetshAdvfirewall(allOff.replace('BlockInbound,', 'BlockInboundAlways,').replace(/Public Profile Settings:[\s\S]*?BlockInbound,/, (match) => match.replace('BlockInbound,', 'AllowInbound,')));
    expect(result.ok && result.value.map((profile) => [profile.inboundDefault, profile.blockAllIncoming])).toEqual([
      [FirewallAction.FIREWALL_DROP, Tri.TRI_YES], [FirewallAction.FIREWALL_DROP, Tri.TRI_NO], [FirewallAction.FIREWALL_ALLOW, Tri.TRI_NO],
    ]);
  });

  it.each([
    ['German labels', german, 'OUTPUT_LOCALISED'],
    ['a capture cut inside the Private profile', cutShort(allOff, 0.45), 'OUTPUT_TRUNCATED'],
    ['UTF-16LE read as UTF-8', utf16MisreadAsUtf8(allOff), 'OUTPUT_UNRECOGNISED'],
    ['an error message', 'The requested operation requires elevation (Run as administrator).', 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseNetshAdvfirewall(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
