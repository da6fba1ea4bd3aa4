import { describe } from 'vitest';
import { FirewallAction, Tri, type Observation } from '@invigilator/shared/wire.ts';
import { collected, packWith, verdictTable } from '../observations.ts';

const { TRI_YES: YES, TRI_NO: NO, TRI_UNKNOWN: UNKNOWN } = Tri;
const { FIREWALL_ALLOW: ALLOW, FIREWALL_DROP: DROP, FIREWALL_REJECT: REJECT, FIREWALL_ACTION_UNSPECIFIED: UNSPECIFIED } = FirewallAction;
type Facts = NonNullable<Observation['firewall']>;
const firewall = (facts: Facts) => collected('firewall', { firewall: facts });
const windows = (publicProfile: NonNullable<Facts['profiles']>[number]): Observation => firewall({
  enabled: YES, inboundDefault: DROP, backend: 'windows',
  profiles: [{ name: 'Domain', enabled: YES, inboundDefault: DROP }, { name: 'Private', enabled: YES, inboundDefault: DROP }, publicProfile],
});

describe('firewall verdicts (default pack: every profile required)', () => {
  verdictTable([
    ['Windows, all profiles on', windows({ name: 'Public', enabled: YES, inboundDefault: REJECT }), 'pass', 'FIREWALL_ON',
      'The firewall (windows) is on and refuses incoming connections by default, in every profile (Domain, Private and Public).'],
    ['nftables with a drop policy', firewall({ enabled: YES, inboundDefault: DROP, backend: 'nftables' }), 'pass', 'FIREWALL_ON',
      'The firewall (nftables) is on and refuses incoming connections by default.'],
    ['inbound default not reported', firewall({ enabled: YES, inboundDefault: UNSPECIFIED }), 'pass', 'FIREWALL_ON', 'The firewall is on.'],
    ['switched off', firewall({ enabled: NO, backend: 'ufw' }), 'fail', 'FIREWALL_OFF', 'The firewall is switched off.'],
    ['on but lets everything in', firewall({ enabled: YES, inboundDefault: ALLOW, backend: 'nftables' }), 'fail', 'FIREWALL_ALLOWS_INBOUND',
      'The firewall lets every incoming connection in by default.'],
    ['Public profile off', windows({ name: 'Public', enabled: NO }), 'fail', 'FIREWALL_PROFILE_OFF', 'The Public profile is switched off.'],
    ['Public profile allows inbound', windows({ name: 'Public', enabled: YES, inboundDefault: ALLOW }), 'fail', 'FIREWALL_PROFILE_OFF',
      'The Public profile lets every incoming connection in by default.'],
    ['off and a profile off: both said', firewall({ enabled: NO, profiles: [{ name: 'Public', enabled: NO }] }), 'fail', 'FIREWALL_OFF',
      'The firewall is switched off. The Public profile is switched off.'],
    ['state not reported', firewall({ enabled: UNKNOWN }), 'unknown', 'FIREWALL_STATE_UNKNOWN',
      'The device did not report whether the firewall is on, which the school\'s policy needs.'],
    ['empty facts (proto defaults)', firewall({}), 'unknown', 'FIREWALL_STATE_UNKNOWN', /whether the firewall is on/],
    ['a profile\'s state not reported', windows({ name: 'Public', enabled: UNKNOWN }), 'unknown', 'FIREWALL_STATE_UNKNOWN',
      /whether the Public profile is on/],
  ]);
});

describe('firewall verdicts with a firewall registered with Windows Security Center', () => {
  const allOff: Facts = {
    enabled: NO, inboundDefault: ALLOW, backend: 'windows',
    profiles: ['Domain', 'Private', 'Public'].map((name) => ({ name, enabled: NO, inboundDefault: ALLOW })),
  };
  verdictTable([
    ['Windows Firewall off, a suite\'s firewall on: protected', firewall({ ...allOff, registeredFirewalls: [{ name: 'Bitdefender Firewall', enabled: YES }] }),
      'pass', 'FIREWALL_THIRD_PARTY', /^Bitdefender Firewall protects the device in place of Windows' own firewall .*Windows' own: The firewall is switched off/],
    ['Windows Firewall off, the suite\'s firewall off too: still off', firewall({ ...allOff, registeredFirewalls: [{ name: 'Bitdefender Firewall', enabled: NO }] }),
      'fail', 'FIREWALL_OFF', /^The firewall is switched off/],
    ['Windows Firewall off, the suite\'s state unknown: still off', firewall({ ...allOff, registeredFirewalls: [{ name: 'Bitdefender Firewall', enabled: UNKNOWN }] }),
      'fail', 'FIREWALL_OFF', /^The firewall is switched off/],
    ['Windows Firewall on: judged on its own, the suite not needed', firewall({ ...windows({ name: 'Public', enabled: YES, inboundDefault: DROP }), registeredFirewalls: [{ name: 'Bitdefender Firewall', enabled: YES }] }.firewall ?? {}),
      'pass', 'FIREWALL_ON', /^The firewall \(windows\) is on/],
  ]);
});

describe('firewall verdicts under a school\'s own settings', () => {
  verdictTable([
    ['profiles not required: Public off is not judged', windows({ name: 'Public', enabled: NO }), 'pass', 'FIREWALL_ON',
      'The firewall (windows) is on and refuses incoming connections by default.'],
    ['profiles not required: still fails when off', firewall({ enabled: NO }), 'fail', 'FIREWALL_OFF', 'The firewall is switched off.'],
  ], packWith('firewall', { requireAllProfiles: false }));

  verdictTable([
    ['not required', firewall({ enabled: NO }), 'not_applicable', 'NOT_REQUIRED', 'The school\'s policy does not require a firewall.'],
  ], packWith('firewall', { required: false }));
});
