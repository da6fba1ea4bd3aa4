// The macOS package layout built on Linux: every property list read back with the agent's own
// strict plist reader (what plutil -lint would refuse, it refuses), the launchd daemon pointing at
// the executable the payload carries, the profiles' payload types, the install scripts' syntax,
// and the darwin executable with Node's signature removed and the agent injected. pkgbuild,
// codesign and launchd cannot run here; build-pkg.sh is run on a Mac.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayAt, boolAt, dictAt, isDict, parsePlist, stringAt, type PlistDict } from '../../../agent/src/parsers/plist.ts';
import { SEA_TARGETS } from '../../../scripts/build-sea.ts';
import { tempDir } from '../../../test/support/processes.ts';
import { buildSeaOnce } from '../../../test/support/sea-under-test.ts';
import { hasCodeSignature, segmentNames } from '../../macos/macho-signature.ts';
import { AGENT_PATH, buildMacLayout, PREFERENCE_DOMAIN } from '../../macos/build-layout.ts';

const MAC = SEA_TARGETS.find((target) => target.id === 'darwin-x64')!;

const readDict = (file: string): PlistDict => {
  const value = parsePlist(readFileSync(file, 'utf8'));
  if (!isDict(value)) throw new Error(`${file} is not a dictionary`);
  return value;
};

describe('the macOS package layout', () => {
  const work = tempDir('macos-layout');
  let layout: string;

  beforeAll(async () => {
    layout = buildMacLayout({ executable: await buildSeaOnce(MAC), version: '0.1.0', outDir: path.join(work, 'macos'), collector: 'https://collector.trust.example' });
  });
  afterAll(() => { spawnSync('rm', ['-rf', work]); });

  it('has a launchd daemon that runs the payload\'s executable at boot and again when it fails', () => {
    const daemon = readDict(path.join(layout, 'payload/Library/LaunchDaemons/com.invigilator.agent.plist'));
    expect(stringAt(daemon, 'Label')).toBe('com.invigilator.agent');
    const program = arrayAt(daemon, 'ProgramArguments') as string[];
    expect(program).toEqual([AGENT_PATH, 'run', '--state-dir', '/Library/Application Support/Invigilator']);
    expect(statSync(path.join(layout, 'payload', program[0]!)).mode & 0o111).toBeTruthy();
    expect(boolAt(daemon, 'RunAtLoad')).toBe(true);
    expect(boolAt(dictAt(daemon, 'KeepAlive')!, 'SuccessfulExit')).toBe(false);
  });

  it('carries the darwin-x64 executable: Node\'s broken signature removed, the agent injected, ready to sign on a Mac', () => {
    const binary = readFileSync(path.join(layout, `payload${AGENT_PATH}`));
    expect(hasCodeSignature(binary)).toBe(false);
    expect(segmentNames(binary)).toContain('NODE_SEA');
    // postject flips the fuse: Node looks for the injected agent only when it reads ":1".
    expect(binary.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
  });

  it('has enrolment settings for Jamf and Intune, as a preference file and as a profile', () => {
    const settings = readDict(path.join(layout, `profiles/${PREFERENCE_DOMAIN}.plist`));
    expect(stringAt(settings, 'Collector')).toBe('https://collector.trust.example');
    expect(stringAt(settings, 'EnrolmentSecret')).toBeDefined();
    const profile = readDict(path.join(layout, 'profiles/invigilator-enrolment.mobileconfig'));
    expect(stringAt(profile, 'PayloadType')).toBe('Configuration');
    const [payload] = arrayAt(profile, 'PayloadContent') as PlistDict[];
    expect(stringAt(payload!, 'PayloadType')).toBe(PREFERENCE_DOMAIN);
    expect(stringAt(payload!, 'Collector')).toBe('https://collector.trust.example');
    // The install script reads exactly these keys from the managed preferences.
    const postinstall = readFileSync(path.join(layout, 'scripts/postinstall'), 'utf8');
    for (const key of ['Collector', 'EnrolmentSecret', 'CAFile']) expect(postinstall).toContain(`managed ${key}`);
  });

  it('has a PPPC profile granting the agent removable volumes, and build-pkg.sh fills its code requirement', () => {
    const profile = readDict(path.join(layout, 'profiles/invigilator-removable-volumes-pppc.mobileconfig'));
    const [payload] = arrayAt(profile, 'PayloadContent') as PlistDict[];
    expect(stringAt(payload!, 'PayloadType')).toBe('com.apple.TCC.configuration-profile-policy');
    const [grant] = arrayAt(dictAt(payload!, 'Services')!, 'SystemPolicyRemovableVolumes') as PlistDict[];
    expect(grant).toMatchObject({ Identifier: AGENT_PATH, IdentifierType: 'path', Authorization: 'Allow' });
    expect(readFileSync(path.join(layout, 'build-pkg.sh'), 'utf8'))
      .toContain('plutil -replace PayloadContent.0.Services.SystemPolicyRemovableVolumes.0.CodeRequirement');
  });

  it('has install and removal scripts that are valid shell, and readable entitlements', () => {
    for (const script of ['scripts/preinstall', 'scripts/postinstall', 'uninstall.sh', 'build-pkg.sh']) {
      expect(statSync(path.join(layout, script)).mode & 0o111, script).toBeTruthy();
      expect(spawnSync('sh', ['-n', path.join(layout, script)]).status, script).toBe(0);
    }
    expect(boolAt(readDict(path.join(layout, 'entitlements.plist')), 'com.apple.security.cs.allow-jit')).toBe(true);
    expect(execFileSync('cat', [path.join(layout, 'VERSION')], { encoding: 'utf8' })).toBe('0.1.0\n');
  });
});
