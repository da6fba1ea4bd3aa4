import { describe, expect, it } from 'vitest';
import { FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { parseNetFirewallProfile } from '../../../src/checks/firewall/parse-net-firewall-profile.ts';
import { cutShort, utf16Decoded, utf16MisreadAsUtf8, windowsFixture, withCrlf } from '../windows-fixtures.ts';

const allOn = windowsFixture('Get-NetFirewallProfile.1-all-on.txt');
const allOff = windowsFixture('Get-NetFirewallProfile.2-all-off.txt');
const DROP = FirewallAction.FIREWALL_DROP;

// The agent's script output (ConvertTo-Json numbers the enums: GpoBoolean True 1 /
// False 0, Action NotConfigured 0 / Allow 2 / Block 4), built from the real
// all-on capture with Public switched off and set to allow: the "partly" state.
const partlyJson = JSON.stringify([
  { Name: 'Domain', Enabled: 1, DefaultInboundAction: 0, AllowInboundRules: 2 },
  { Name: 'Private', Enabled: 1, DefaultInboundAction: 4, AllowInboundRules: 0 },
  { Name: 'Public', Enabled: 0, DefaultInboundAction: 2, AllowInboundRules: 2 },
]);

describe('parseNetFirewallProfile', () => {
  it('reads the real all-on capture; NotConfigured inbound is Windows\' default block', () => {
    expect(parseNetFirewallProfile(withCrlf(allOn))).toEqual({ ok: true, value: ['Domain', 'Private', 'Public'].map((name) => ({
      name, enabled: Tri.TRI_YES, inboundDefault: DROP, blockAllIncoming: Tri.TRI_NO,
    })) });
  });

  it('reads the real all-off capture', () => {
    const result = parseNetFirewallProfile(utf16Decoded(allOff));
    expect(result.ok && result.value.map((profile) => profile.enabled)).toEqual([Tri.TRI_NO, Tri.TRI_NO, Tri.TRI_NO]);
  });

  it('reads the JSON form, one profile off and allowing', () => {
    const result = parseNetFirewallProfile(partlyJson);
    expect(result.ok && result.value.map((profile) => [profile.name, profile.enabled, profile.inboundDefault, profile.blockAllIncoming])).toEqual([
      ['Domain', Tri.TRI_YES, DROP, Tri.TRI_NO],
      ['Private', Tri.TRI_YES, DROP, Tri.TRI_YES],
      ['Public', Tri.TRI_NO, FirewallAction.FIREWALL_ALLOW, Tri.TRI_NO],
    ]);
  });

  it.each([
    ['a capture cut after the first profile', cutShort(allOn, 0.4), 'OUTPUT_TRUNCATED'],
    ['truncated JSON', cutShort(partlyJson, 0.5), 'OUTPUT_TRUNCATED'],
    ['UTF-16LE read as UTF-8', utf16MisreadAsUtf8(allOn), 'OUTPUT_UNRECOGNISED'],
    ['localised values', allOn.replaceAll('True', 'Wahr'), 'OUTPUT_UNRECOGNISED'],
    ['nothing but an unrelated object', '{"Caption":"x"}', 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseNetFirewallProfile(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
