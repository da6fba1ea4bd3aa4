import { describe, expect, it } from 'vitest';
import { CollectionStatus, FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/firewall/macos.ts';
import { collectedOf, commandMissing, type RawSource } from '../../helpers/macos-collected.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const context = { removableMountRoots: ['/Volumes'] };
const on = macosFixture('socketfilterfw-combined.1.txt');
const apps = macosFixture('socketfilterfw-listapps.3-full.txt');
const interpret = (state: RawSource, listapps: RawSource = apps) =>
  check.interpret(collectedOf({ 'macos.socketfilterfw-state': state, 'macos.socketfilterfw-listapps': listapps }), context);

describe('firewall on macOS', () => {
  it('declares socketfilterfw by absolute path', () => {
    const sources = check.sources(new Map(), context);
    expect(sources.map((source) => source.id)).toEqual(['macos.socketfilterfw-state', 'macos.socketfilterfw-listapps']);
    expect(sources.every((source) => source.kind === 'command' && source.file === '/usr/libexec/ApplicationFirewall/socketfilterfw')).toBe(true);
  });

  it('on with stealth: inbound default ALLOW (signed apps), allowed apps as rules', () => {
    const finding = interpret(on);
    expect(finding.status).toBe(CollectionStatus.COLLECTED);
    expect(finding.firewall).toMatchObject({
      enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_ALLOW, backend: 'socketfilterfw',
      stealthMode: Tri.TRI_YES, blockAllIncoming: Tri.TRI_NO,
    });
    expect(finding.firewall?.inboundAllowRules).toHaveLength(7);
    expect(finding.firewall?.inboundAllowRules?.[0]).toEqual({ name: 'remoted', protocol: 'any', ports: '', source: '', application: '/usr/libexec/remoted', profile: '', interface: '' });
  });

  it('block all (derived): inbound DROP', () => {
    expect(interpret(on.replace('set to disabled', 'set to enabled')).firewall).toMatchObject({ blockAllIncoming: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_DROP });
  });

  it('off (real macOS 26 capture): reported as off, stealth unknown', () => {
    expect(interpret(macosFixture('socketfilterfw-state.2-off.txt')).firewall).toMatchObject({
      enabled: Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_ALLOW, stealthMode: Tri.TRI_UNKNOWN, blockAllIncoming: Tri.TRI_NO,
    });
  });

  it.each([
    ['socketfilterfw missing', commandMissing, apps, 'COMMAND_NOT_FOUND'],
    ['state output empty', '', apps, 'OUTPUT_EMPTY'],
    ['app list cut short (real head -2 capture)', on, macosFixture('socketfilterfw-listapps.2-head.txt'), 'OUTPUT_TRUNCATED'],
    ['app list refused', on, { exitCode: 1, stderr: 'must be root' }, 'COMMAND_FAILED'],
  ])('could not collect: %s', (_name, state, listapps, code) => {
    expect(interpret(state, listapps)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
