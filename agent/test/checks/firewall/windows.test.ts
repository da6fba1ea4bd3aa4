import { describe, expect, it } from 'vitest';
import { CollectionStatus, FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import {
  check, FWPOLICY2_SOURCE, FWPOLICY2_SCRIPT, PROFILE_SOURCE, RULES_SOURCE, SECURITY_CENTER_FIREWALL_SOURCE,
} from '../../../src/checks/firewall/windows.ts';
import { collectedFrom, ran } from '../collected-from.ts';
import { windowsFixture } from '../windows-fixtures.ts';

const context = { removableMountRoots: [] };
const allOn = ran(windowsFixture('Get-NetFirewallProfile.1-all-on.txt'));
const noRules = ran('');
const failed = ran('', { exitCode: 1, stderr: 'Get-NetFirewallProfile : Access is denied.' });
const noneRegistered = ran(windowsFixture('SecurityCenter2-FirewallProduct.1-none-registered.txt'));
// Derived: the real Bitdefender record of SecurityCenter2-AntiVirusProduct.1 as if Security Center listed it as a
// firewall (no capture of a registered third-party firewall was found); productState 266240 = on, third-party.
const bitdefender = windowsFixture('SecurityCenter2-AntiVirusProduct.1.txt').split(/\r?\n\r?\n/)[0] ?? '';
const thirdPartyOn = ran(bitdefender.replace('Bitdefender Antivirus', 'Bitdefender Firewall'));
// Derived: the real Get-NetFirewallProfile capture's values (all on, inbound blocked) as the COM script prints them.
const policy2AllOn = JSON.stringify(['Domain', 'Private', 'Public'].map((Name) => ({ Name, Enabled: true, DefaultInboundAction: 0, BlockAllInboundTraffic: false })));
const allOff = ran(windowsFixture('Get-NetFirewallProfile.2-all-off.txt'));

describe('firewall on Windows', () => {
  it('asks for profiles, rules and Security Center, and the COM interface only when the profiles failed', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual([PROFILE_SOURCE, RULES_SOURCE, SECURITY_CENTER_FIREWALL_SOURCE]);
    expect(check.sources(collectedFrom({ [PROFILE_SOURCE]: allOn, [RULES_SOURCE]: noRules }), context)).toEqual([]);
    const fallback = check.sources(collectedFrom({ [PROFILE_SOURCE]: failed, [RULES_SOURCE]: noRules }), context);
    expect(fallback.map((source) => source.id)).toEqual([FWPOLICY2_SOURCE]);
    expect(fallback[0]?.kind === 'command' && fallback[0].args.at(-1)).toContain(FWPOLICY2_SCRIPT);
  });

  it('lists firewalls registered with Security Center: none on the real capture, a third party when one took over', () => {
    const none = check.interpret(collectedFrom({ [PROFILE_SOURCE]: allOn, [RULES_SOURCE]: noRules, [SECURITY_CENTER_FIREWALL_SOURCE]: noneRegistered }), context);
    expect(none.firewall).toMatchObject({ registeredFirewalls: [], registeredFirewallsListed: Tri.TRI_YES });
    const takenOver = check.interpret(collectedFrom({ [PROFILE_SOURCE]: allOff, [RULES_SOURCE]: noRules, [SECURITY_CENTER_FIREWALL_SOURCE]: thirdPartyOn }), context);
    expect(takenOver.firewall).toMatchObject({
      enabled: Tri.TRI_NO, registeredFirewalls: [{ name: 'Bitdefender Firewall', enabled: Tri.TRI_YES }], registeredFirewallsListed: Tri.TRI_YES,
    });
    const unreadable = check.interpret(collectedFrom({ [PROFILE_SOURCE]: allOn, [RULES_SOURCE]: noRules, [SECURITY_CENTER_FIREWALL_SOURCE]: ran('', { exitCode: 1, stderr: 'Get-CimInstance : Invalid namespace' }) }), context);
    expect(unreadable.firewall).toMatchObject({ registeredFirewalls: [], registeredFirewallsListed: Tri.TRI_NO });
  });

  it('sums up: on only when every profile is on; inbound default is the weakest', () => {
    const partly = ran(JSON.stringify([
      { Name: 'Domain', Enabled: 1, DefaultInboundAction: 4 },
      { Name: 'Private', Enabled: 1, DefaultInboundAction: 0 },
      { Name: 'Public', Enabled: 0, DefaultInboundAction: 2 },
    ]));
    const finding = check.interpret(collectedFrom({ [PROFILE_SOURCE]: partly, [RULES_SOURCE]: noRules }), context);
    expect(finding.firewall).toMatchObject({ enabled: Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_ALLOW, backend: 'windows' });
    expect(finding.firewall?.profiles).toHaveLength(3);
  });

  it('reports all on with the rules in force', () => {
    const rules = ran('{"Name":"RemoteDesktop-UserMode-In-TCP","DisplayName":"Remote Desktop - User Mode (TCP-In)","Profile":"Any","Protocol":"TCP","LocalPort":"3389","RemoteAddress":"Any","Program":"Any"}');
    const finding = check.interpret(collectedFrom({ [PROFILE_SOURCE]: allOn, [RULES_SOURCE]: rules }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COLLECTED, firewall: { enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_DROP } });
    expect(finding.firewall?.inboundAllowRules?.[0]).toMatchObject({ ports: '3389', protocol: 'tcp' });
    expect(finding.reason).toBeUndefined();
  });

  it('falls back to the firewall\'s COM interface, in numbers whatever the language', () => {
    const finding = check.interpret(collectedFrom({ [PROFILE_SOURCE]: failed, [RULES_SOURCE]: noRules, [FWPOLICY2_SOURCE]: ran(policy2AllOn) }), context);
    expect(finding.firewall).toMatchObject({ enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_DROP, blockAllIncoming: Tri.TRI_NO });
    // Derived: the Public profile switched off and letting everything in.
    const publicOff = JSON.parse(policy2AllOn) as Record<string, unknown>[];
    publicOff[2] = { Name: 'Public', Enabled: false, DefaultInboundAction: 1, BlockAllInboundTraffic: false };
    const off = check.interpret(collectedFrom({ [PROFILE_SOURCE]: failed, [RULES_SOURCE]: noRules, [FWPOLICY2_SOURCE]: ran(JSON.stringify(publicOff)) }), context);
    expect(off.firewall).toMatchObject({ enabled: Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_ALLOW });
  });

  it('says so when the rules could not be listed', () => {
    const finding = check.interpret(collectedFrom({ [PROFILE_SOURCE]: allOn, [RULES_SOURCE]: ran('', { exitCode: null, errorCode: 'COMMAND_TIMED_OUT' }) }), context);
    expect(finding.status).toBe(CollectionStatus.COLLECTED);
    expect(finding.reason).toBeUndefined();
    expect(finding.firewall).toMatchObject({ inboundAllowRules: [], inboundRulesListed: Tri.TRI_NO, inboundRulesProblem: expect.stringMatching(/did not answer in time/) });
  });

  it('could not collect when neither the profiles nor the COM interface can be read', () => {
    const finding = check.interpret(collectedFrom({ [PROFILE_SOURCE]: failed, [RULES_SOURCE]: noRules, [FWPOLICY2_SOURCE]: ran(policy2AllOn.slice(0, 40)) }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_TRUNCATED' });
    expect(finding.reason).toMatch(/exited 1.*Fallback:.*stops part-way/s);
  });
});
