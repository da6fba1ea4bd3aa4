import { describe, expect, it } from 'vitest';
import { CollectionStatus, FirewallAction, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/firewall/linux.ts';
import type { Collected } from '../../../src/checks/types.ts';
import { absent, collectedFrom, linuxFixture, onlyThese, ran } from '../collected-from.ts';

const context = { removableMountRoots: [] };
const NFT = 'linux.nft-ruleset-json';
const FALLBACKS = ['linux.iptables-rules', 'linux.ufw-status', 'linux.firewalld-state'];
const ALL = [NFT, ...FALLBACKS, 'linux.firewalld-zone'];
const ids = (collected: Collected) => check.sources(collected, context).map((spec) => spec.id);
const NOT_ROOT = linuxFixture('nft-list-ruleset-json.not-root.stderr.txt');

describe('linux firewall check', () => {
  it('reads nft first and nothing else when it shows an input chain', () => {
    expect(ids(new Map())).toEqual([NFT]);
    expect(ids(collectedFrom({ [NFT]: ran(linuxFixture('nft-list-ruleset-json.devmachine-drop-allow-list.json')) }))).toEqual([NFT]);
  });

  it('falls back to the other tools when nft is missing or hooks no input chain, and lists the zone when firewalld runs', () => {
    expect(ids(collectedFrom({ [NFT]: absent() }))).toEqual([NFT, ...FALLBACKS]);
    expect(ids(collectedFrom({ [NFT]: ran(linuxFixture('nft-list-ruleset-json.devmachine-empty.json')) }))).toEqual([NFT, ...FALLBACKS]);
    expect(ids(onlyThese([NFT, ...FALLBACKS], { 'linux.firewalld-state': ran(linuxFixture('firewall-cmd-state.running.txt')) }))).toEqual(ALL);
  });

  it('on (nftables): drop policy with its allow list', () => {
    expect(check.interpret(collectedFrom({ [NFT]: ran(linuxFixture('nft-list-ruleset-json.devmachine-from-docker-paste.json')) }), context))
      .toMatchObject({ status: CollectionStatus.COLLECTED, firewall: { enabled: Tri.TRI_YES, inboundDefault: FirewallAction.FIREWALL_DROP, backend: 'nftables' } });
  });

  it('off (nftables): an empty ruleset and no other tool', () => {
    const collected = onlyThese(ALL, { [NFT]: ran(linuxFixture('nft-list-ruleset-json.devmachine-empty.json')) });
    expect(check.interpret(collected, context)).toMatchObject({
      status: CollectionStatus.COLLECTED, firewall: { enabled: Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_ALLOW, backend: 'nftables', profiles: [] },
    });
  });

  it.each([
    ['iptables', { 'linux.iptables-rules': ran(linuxFixture('iptables-S.1.txt')) }, FirewallAction.FIREWALL_DROP],
    ['ufw', { 'linux.ufw-status': ran(linuxFixture('ufw-status-verbose.2-ubuntu2404-trailing-spaces.txt')) }, FirewallAction.FIREWALL_DROP],
    ['firewalld', { 'linux.firewalld-state': ran(linuxFixture('firewall-cmd-state.running.txt')), 'linux.firewalld-zone': ran(linuxFixture('firewall-cmd-list-all.1-fedora-workstation.txt')) }, FirewallAction.FIREWALL_REJECT],
  ])('partly-covered devices: %s answers when nft is missing', (backend, present, inboundDefault) => {
    expect(check.interpret(onlyThese(ALL, present), context)).toMatchObject({ status: CollectionStatus.COLLECTED, firewall: { backend, inboundDefault } });
  });

  it('firewalld not running (exit 252, answer on stderr as newer builds print it) is off', () => {
    const collected = onlyThese([NFT, ...FALLBACKS], { 'linux.firewalld-state': ran('', { exitCode: 252, stderr: 'not running\n' }) });
    expect(check.interpret(collected, context)).toMatchObject({ status: CollectionStatus.COLLECTED, firewall: { backend: 'firewalld', enabled: Tri.TRI_NO } });
  });

  it('missing: no firewall tool at all cannot be read', () => {
    expect(check.interpret(onlyThese([NFT, ...FALLBACKS], {}), context)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'COMMAND_NOT_FOUND' });
  });

  it('nft run without root is PERMISSION_DENIED (real stderr, exit 1)', () => {
    const finding = check.interpret(collectedFrom({ [NFT]: ran('', { exitCode: 1, stderr: NOT_ROOT }) }), context);
    expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'PERMISSION_DENIED' });
    expect(finding.reason).toContain('Operation not permitted');
  });

  it.each([
    ['another nft failure', { [NFT]: ran('', { exitCode: 1, stderr: 'Error: syntax error\n' }) }, 'COMMAND_FAILED'],
    ['truncated nft JSON', { [NFT]: ran('{"nftables": [{"metainfo"') }, 'OUTPUT_MALFORMED'],
    ['a bundle without the fallback sources', { [NFT]: absent() }, 'SOURCE_NOT_CAPTURED'],
  ])('could not collect on %s', (_what, sources, code) => {
    expect(check.interpret(collectedFrom(sources), context)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
