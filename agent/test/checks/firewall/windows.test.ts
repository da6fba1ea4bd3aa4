import { describe, expect, it } from 'vitest';
import { CollectionStatus, FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { check, NETSH_SOURCE, PROFILE_SOURCE, RULES_SOURCE } from '../../../src/checks/firewall/windows.ts';
import { collectedFrom, ran } from '../collected-from.ts';
import { windowsFixture } from '../windows-fixtures.ts';

const context = { removableMountRoots: [] };
const allOn = ran(windowsFixture('Get-NetFirewallProfile.1-all-on.txt'));
const noRules = ran('');
const failed = ran('', { exitCode: 1, stderr: 'Get-NetFirewallProfile : Access is denied.' });

describe('firewall on Windows', () => {
  it('asks for profiles and rules, and netsh only when the profiles failed', () => {
    expect(check.sources(new Map(), context).map((source) => source.id)).toEqual([PROFILE_SOURCE, RULES_SOURCE]);
    expect(check.sources(collectedFrom({ [PROFILE_SOURCE]: allOn, [RULES_SOURCE]: noRules }), context)).toEqual([]);
    expect(check.sources(collectedFrom({ [PROFILE_SOURCE]: failed, [RULES_SOURCE]: noRules }), context).map((source) => source.id)).toEqual([NETSH_SOURCE]);
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

  it('falls back to netsh', () => {
    const finding = check.interpret(collectedFrom({
      [PROFILE_SOURCE]: failed, [RULES_SOURCE]: noRules, [NETSH_SOURCE]: ran(windowsFixture('netsh-advfirewall-show-allprofiles.1-all-off.txt')),
    }), context);
    expect(finding.firewall?.enabled).toBe(Tri.TRI_NO);
  });

  it('says so when the rules could not be listed', () => {
    const finding = check.interpret(collectedFrom({ [PROFILE_SOURCE]: allOn, [RULES_SOURCE]: ran('', { exitCode: null, errorCode: 'COMMAND_TIMED_OUT' }) }), context);
    expect(finding.status).toBe(CollectionStatus.COLLECTED);
    expect(finding.reason).toBeUndefined();
    expect(finding.firewall).toMatchObject({ inboundAllowRules: [], inboundRulesListed: Tri.TRI_NO, inboundRulesProblem: expect.stringMatching(/did not answer in time/) });
  });

  it('could not collect when neither profiles nor netsh can be read', () => {
    const finding = check.interpret(collectedFrom({ [PROFILE_SOURCE]: failed, [RULES_SOURCE]: noRules, [NETSH_SOURCE]: ran('Der angeforderte Vorgang erfordert erhöhte Rechte.\r\n----------------------------------------') }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_LOCALISED' });
  });
});
