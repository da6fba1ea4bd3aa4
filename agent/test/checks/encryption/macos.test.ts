import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri, VolumeRole } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/encryption/macos.ts';
import { collectedOf, commandMissing, type RawSource } from '../../helpers/macos-collected.ts';
import { macosFixture } from '../../helpers/macos-fixture.ts';

const context = { removableMountRoots: ['/Volumes'] };
const apfs = macosFixture('diskutil-apfs-list-plist.1.txt');
// Derived from the real capture: the Data volume with FileVault off (as after `fdesetup disable`).
const apfsDataOff = apfs.replace(
  /(<string>disk3s5<\/string>\s*<key>Encryption<\/key>\s*)<true\/>(\s*<key>FileVault<\/key>\s*)<true\/>/,
  '$1<false/>$2<false/>',
);
const interpret = (fdesetup: RawSource, list: RawSource = apfs) =>
  check.interpret(collectedOf({ 'macos.fdesetup-status': fdesetup, 'macos.diskutil-apfs-list': list }), context);

describe('encryption on macOS', () => {
  it('declares absolute-path sources with stable ids', () => {
    const sources = check.sources(new Map(), context);
    expect(sources.map((source) => source.id)).toEqual(['macos.fdesetup-status', 'macos.diskutil-apfs-list']);
    for (const source of sources) expect(source.kind === 'command' && source.file.startsWith('/')).toBe(true);
  });

  it('FileVault on: the Data volume is encrypted and protected', () => {
    expect(interpret(macosFixture('fdesetup-status.1-on-masterkeychain.txt'))).toEqual({
      status: CollectionStatus.COLLECTED,
      encryption: { volumes: [{
        name: 'Data', device: 'disk3s5', role: VolumeRole.VOLUME_ROLE_SYSTEM, encrypted: Tri.TRI_YES,
        protectionOn: Tri.TRI_YES, method: 'filevault', state: 'fully-encrypted', percentEncrypted: 100,
      }] },
    });
  });

  it('FileVault off: reported as off, not as a failure to collect', () => {
    const finding = interpret(macosFixture('fdesetup-status.3-off.txt'), apfsDataOff);
    expect(finding.status).toBe(CollectionStatus.COLLECTED);
    expect(finding.encryption?.volumes?.[0]).toMatchObject({ encrypted: Tri.TRI_NO, protectionOn: Tri.TRI_NO, method: '', state: 'fully-decrypted', percentEncrypted: 0 });
  });

  it.each([
    ['fdesetup Off, diskutil protected', 'fdesetup-status.3-off.txt', apfs, /FileVault is Off but diskutil reports Data \(disk3s5\) FileVault-protected/],
    ['fdesetup On, diskutil unprotected', 'fdesetup-status.2-on.txt', apfsDataOff, /FileVault is On but diskutil reports Data \(disk3s5\) FileVault-unprotected/],
  ])('%s: the tools disagree, so nothing is claimed', (_name, fdesetup, list, reason) => {
    expect(interpret(macosFixture(fdesetup), list)).toEqual({
      status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_UNRECOGNISED', reason: expect.stringMatching(reason),
    });
  });

  it('encrypting (fdesetup exits 2): state and percent from fdesetup', () => {
    const text = macosFixture('fdesetup-status.6-encrypting-template.txt').replace('##.##', '37');
    const finding = interpret({ stdout: text, exitCode: 2 });
    expect(finding.encryption?.volumes?.[0]).toMatchObject({ state: 'encrypting', percentEncrypted: 37 });
  });

  it.each([
    ['after the next restart', 'fdesetup-status.8-off-enabled-after-restart.txt', 'enablement-pending-restart'],
    ['at the next login (deferred, as an MDM arms it)', 'fdesetup-status.7-off-deferred.txt', 'enablement-deferred-to-login'],
  ])('FileVault to be enabled %s: not encrypted yet, reported as pending', (_name, fixture, state) => {
    const finding = interpret(macosFixture(fixture), apfsDataOff);
    expect(finding.status).toBe(CollectionStatus.COLLECTED);
    expect(finding.encryption?.volumes?.[0]).toMatchObject({ encrypted: Tri.TRI_NO, protectionOn: Tri.TRI_NO, state, percentEncrypted: 0 });
  });

  it.each([
    ['no Data-role volume (before macOS 10.15; derived from the capture)', apfs.replace('<string>Data</string>\n\t\t\t\t\t</array>', '</array>')],
    ['no APFS at all (a CoreStorage start-up disk)', macosFixture('diskutil-apfs-list.2-no-apfs-corestorage.txt')],
  ])('the start-up disk from fdesetup alone when diskutil names no Data volume: %s', (_name, list) => {
    expect(interpret(macosFixture('fdesetup-status.2-on.txt'), list)).toEqual({
      status: CollectionStatus.COLLECTED,
      encryption: { volumes: [{
        name: 'start-up disk', device: '', role: VolumeRole.VOLUME_ROLE_SYSTEM, encrypted: Tri.TRI_YES,
        protectionOn: Tri.TRI_YES, method: 'filevault', state: 'fully-encrypted', percentEncrypted: 100,
      }] },
    });
    const off = interpret(macosFixture('fdesetup-status.8-off-enabled-after-restart.txt'), list);
    expect(off.encryption?.volumes?.[0]).toMatchObject({ encrypted: Tri.TRI_NO, state: 'enablement-pending-restart' });
  });

  it('decrypting: percent encrypted is what is left', () => {
    const text = macosFixture('fdesetup-status.6-encrypting-template.txt').replace('Encryption', 'Decryption').replace('##.##', '80');
    expect(interpret({ stdout: text, exitCode: 2 }).encryption?.volumes?.[0]).toMatchObject({ state: 'decrypting', percentEncrypted: 20 });
  });

  it.each([
    ['fdesetup missing', commandMissing, apfs, 'COMMAND_NOT_FOUND'],
    ['fdesetup template placeholder', macosFixture('fdesetup-status.6-encrypting-template.txt'), apfs, 'OUTPUT_UNRECOGNISED'],
    ['fdesetup exit 1', { exitCode: 1, stderr: 'Error: must be run as root' }, apfs, 'COMMAND_FAILED'],
    ['diskutil output truncated', macosFixture('fdesetup-status.2-on.txt'), apfs.slice(0, 4000), 'OUTPUT_TRUNCATED'],
    ['diskutil output empty', macosFixture('fdesetup-status.2-on.txt'), '', 'OUTPUT_EMPTY'],
  ])('could not collect: %s', (_name, fdesetup, list, code) => {
    expect(interpret(fdesetup, list)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });
});
