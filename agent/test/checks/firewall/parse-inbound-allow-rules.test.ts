import { describe, expect, it } from 'vitest';
import { parseInboundAllowRules } from '../../../src/checks/firewall/parse-inbound-allow-rules.ts';
import { cutShort } from '../windows-fixtures.ts';

// No real capture of the agent's own join script exists; these rows are built
// from the properties of Windows' built-in inbound rules (Remote Desktop, Core
// Networking) as ConvertTo-Json writes them: one port as a string, several as an array.
const rules = JSON.stringify([
  { Name: 'RemoteDesktop-UserMode-In-TCP', DisplayName: 'Remote Desktop - User Mode (TCP-In)', Profile: 'Any', Protocol: 'TCP', LocalPort: ['3389'], RemoteAddress: ['Any'], Program: '%SystemRoot%\\system32\\svchost.exe' },
  { Name: 'CoreNet-DHCP-In', DisplayName: 'Core Networking - Dynamic Host Configuration Protocol (DHCP-In)', Profile: 'Domain, Private', Protocol: 'UDP', LocalPort: '68', RemoteAddress: ['LocalSubnet', '10.0.0.0/8'], Program: 'Any' },
  { Name: '{6A1F0000-0000-0000-0000-000000000000}', DisplayName: '', Profile: 'Public', Protocol: 'Any', LocalPort: [], RemoteAddress: 'Any', Program: 'Any' },
  // Limited to one interface and to wireless adapters: not "allow anything".
  { Name: 'Vpn-In', DisplayName: 'VPN client (in)', Profile: 'Any', Protocol: 'Any', LocalPort: 'Any', RemoteAddress: 'Any', Program: 'Any', InterfaceAlias: ['Ethernet 2'], InterfaceType: 'Any' },
  { Name: 'Wifi-Only', DisplayName: 'Wireless only', Profile: 'Any', Protocol: 'TCP', LocalPort: '8080', RemoteAddress: 'Any', Program: 'Any', InterfaceAlias: 'Any', InterfaceType: 'Wireless' },
]);

describe('parseInboundAllowRules', () => {
  it('reads rules; "Any" is an empty field', () => {
    expect(parseInboundAllowRules(rules)).toEqual({ ok: true, value: [
      { name: 'Remote Desktop - User Mode (TCP-In)', protocol: 'tcp', ports: '3389', source: '', application: '%SystemRoot%\\system32\\svchost.exe', profile: '', interface: '' },
      { name: 'Core Networking - Dynamic Host Configuration Protocol (DHCP-In)', protocol: 'udp', ports: '68', source: 'LocalSubnet,10.0.0.0/8', application: '', profile: 'Domain, Private', interface: '' },
      { name: '{6A1F0000-0000-0000-0000-000000000000}', protocol: 'any', ports: '', source: '', application: '', profile: 'Public', interface: '' },
      { name: 'VPN client (in)', protocol: 'any', ports: '', source: '', application: '', profile: '', interface: 'Ethernet 2' },
      { name: 'Wireless only', protocol: 'tcp', ports: '8080', source: '', application: '', profile: '', interface: 'type wireless' },
    ] });
  });

  it('reads one rule (an object, not an array) and no rules (nothing printed)', () => {
    expect(parseInboundAllowRules(JSON.stringify(JSON.parse(rules)[0])).ok).toBe(true);
    expect(parseInboundAllowRules('')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['truncated JSON', cutShort(rules, 0.5), 'OUTPUT_TRUNCATED'],
    ['a rule without a name', '[{"DisplayName":"x"}]', 'OUTPUT_UNRECOGNISED'],
    ['a list of strings', '["a","b"]', 'OUTPUT_UNRECOGNISED'],
  ])('gives a coded reason for %s', (_name, text, code) => {
    const result = parseInboundAllowRules(text);
    expect(!result.ok && result.code).toBe(code);
  });
});
