// Real Windows and macOS captures (test/fixtures/<platform>/) written into a real
// diagnostic bundle by the agent's own writer, then replayed by the real CLI
// (`check --replay --json`) on this Linux machine. The CLI must say exactly what
// the checks say in-process over the same outputs, and those must be the facts
// the captures hold.
//
// Derived here, not captured (each as the unit tests derive it):
// - secedit: the script prints the exported file as one JSON string (ConvertTo-Json).
// - pwpolicy: its "Getting global account policies" line goes to stderr (the capture merged it).
// - XProtect receipts: `pkgutil --pkgs=...` lists package ids one per line; the one id
//   comes from the real `pkgutil --pkg-info` capture. No listing itself was captured.
// - mdatp health: the documentation example carries no time of reading, so the test
//   gives one (MDATP_READ_AT), as the live provider would.
// - XProtect's live copy (macOS 15+): answered as on a Mac without it (`defaults` "does not
//   exist", `stat` "No such file"), so the receipt dates the definitions as before.
// - Security Center's firewall list: empty, as in the real capture noted in
//   SecurityCenter2-FirewallProduct.1-none-registered.source.txt.
// - the agent's own registry reports (screen lock, removable-storage policy) and the macOS
//   Managed Preferences listing and payloads: derived fixtures, each with a source note.
// Not captured anywhere, so left out of the bundles on purpose: the Windows inbound
// allow rules.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { ERRORS } from '@invigilator/shared/errors.ts';
import type { CheckContext } from '@invigilator/agent/checks/types.ts';
import type { BundleManifest } from '@invigilator/agent/diagnose/manifest.ts';
import { tempDir } from '../support/processes.ts';
import { buildBundle, fixtureText, replayWithCli, type RawOutputs } from '../support/replay-bundle.ts';

type Json = Record<string, unknown>;

const CHECK_ORDER = ['encryption', 'antivirus', 'firewall', 'password-policy', 'removable-media', 'screen-lock'];

const ran = (stdout: string, stderr = ''): { stdout: string; stderr: string } => ({ stdout, stderr });
const failed = (stderr: string): { stdout: string; stderr: string; exitCode: number } => ({ stdout: '', stderr, exitCode: 1 });

const windowsOutputs = (): RawOutputs => ({
  'windows.win32-encryptablevolume': ran(fixtureText('windows', 'Win32_EncryptableVolume-json.1-os-and-removable.json')),
  'windows.get-mpcomputerstatus': ran(fixtureText('windows', 'Get-MpComputerStatus.1.txt')),
  'windows.securitycenter2-antivirusproduct': ran(fixtureText('windows', 'SecurityCenter2-AntiVirusProduct.3-wmiobject.txt')),
  'windows.get-netfirewallprofile': ran(fixtureText('windows', 'Get-NetFirewallProfile.1-all-on.txt')),
  'windows.secedit-export-security-policy': ran(JSON.stringify(fixtureText('windows', 'secedit-export.1.txt'))),
  'windows.securitycenter2-firewallproduct': ran(fixtureText('windows', 'SecurityCenter2-FirewallProduct.1-none-registered.txt')),
  'windows.removable-storage-policy': ran(fixtureText('windows', 'removable-storage-policy.1-deny-all-derived.json')),
  'windows.screen-lock-settings': ran(fixtureText('windows', 'screen-lock-settings.1-inactivity-600-derived.json')),
});

const XPROTECT_RECEIPT = fixtureText('macos', 'pkgutil-pkg-info-xprotect.1.txt');
const XPROTECT_PACKAGE = /^package-id: (\S+)$/m.exec(XPROTECT_RECEIPT)?.[1] ?? '';

const MDATP_READ_AT = Date.UTC(2026, 0, 12, 7, 59, 58);
const XPROTECT_LIVE_PLIST = '/private/var/protected/xprotect/XProtect.bundle/Contents/Info.plist';

const macosOutputs = (): RawOutputs => {
  const pwpolicy = fixtureText('macos', 'pwpolicy-getaccountpolicies.1.txt');
  const plistStart = pwpolicy.indexOf('<?xml');
  return {
    'macos.fdesetup-status': ran(fixtureText('macos', 'fdesetup-status.2-on.txt')),
    'macos.diskutil-apfs-list': ran(fixtureText('macos', 'diskutil-apfs-list-plist.1.txt')),
    'macos.xprotect-bundle-version': ran(fixtureText('macos', 'xprotect-version.1.txt')),
    'macos.pkgutil-xprotect-receipts': ran(`${XPROTECT_PACKAGE}\n`),
    'macos.xprotect-live-bundle-version': failed(`The domain/default pair of (${XPROTECT_LIVE_PLIST}, CFBundleShortVersionString) does not exist`),
    'macos.xprotect-live-bundle-modified': failed(`stat: ${XPROTECT_LIVE_PLIST}: stat: No such file or directory`),
    [`macos.pkgutil-pkg-info.${XPROTECT_PACKAGE}`]: ran(XPROTECT_RECEIPT),
    'macos.csrutil-status': ran(fixtureText('macos', 'csrutil-status.1-enabled.txt')),
    'macos.mdatp-health': { ...ran(fixtureText('macos', 'mdatp-health.1-doc-tamper-block.txt')), collectedAtMs: MDATP_READ_AT },
    'macos.socketfilterfw-state': ran(fixtureText('macos', 'socketfilterfw-combined.1.txt')),
    'macos.socketfilterfw-listapps': ran(fixtureText('macos', 'socketfilterfw-listapps.3-full.txt')),
    'macos.pwpolicy-account-policies': ran(pwpolicy.slice(plistStart), pwpolicy.slice(0, plistStart).trim()),
    'macos.managed-preferences': ran(fixtureText('macos', 'managed-preferences-ls.1-derived.txt')),
    'macos.managed-systemuiserver': ran(fixtureText('macos', 'managed-systemuiserver.1-external-deny-derived.txt')),
    'macos.pmset': ran(fixtureText('macos', 'pmset-g.1-display-sleep-10.txt')),
    // sysadminctl answers on stderr.
    'macos.sysadminctl-screenlock': ran('', fixtureText('macos', 'sysadminctl-screenlock.1-5-seconds.txt')),
    'macos.managed-screensaver': ran(fixtureText('macos', 'managed-screensaver.1-profile-derived.txt')),
  };
};

const CONTEXTS: Record<'windows' | 'macos', CheckContext> = {
  windows: { removableMountRoots: [] },
  macos: { removableMountRoots: ['/Volumes'] },
};

const bundleDirs: string[] = [];
afterAll(() => { for (const dir of bundleDirs) rmSync(dir, { recursive: true, force: true }); });

interface Replay {
  dir: string;
  outputs: RawOutputs;
  manifest: BundleManifest;
  expected: Json[];
  replayed: Json[];
}

const writeAndReplay = async (platform: 'windows' | 'macos', outputs: RawOutputs): Promise<Replay> => {
  const dir = path.join(tempDir(`replay-${platform}`), 'bundle');
  bundleDirs.push(path.dirname(dir));
  const { manifest, expected } = await buildBundle(dir, platform, outputs, CONTEXTS[platform]);
  return { dir, outputs, manifest, expected, replayed: replayWithCli(dir) };
};

/** The bundle on disk is format version 1 and holds every output given, byte for byte. */
const expectBundleOnDisk = ({ dir, outputs, manifest }: Replay, platform: AgentPlatform): void => {
  const onDisk = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Json;
  expect(onDisk).toEqual(JSON.parse(JSON.stringify(manifest)));
  expect(onDisk).toMatchObject({ format: 'invigilator-diagnostic-bundle', formatVersion: 1, platform, context: CONTEXTS[platform as 'windows' | 'macos'] });
  // Every output given was asked for by a check (so every id is right).
  expect(manifest.sources.map((source) => source.id).sort()).toEqual(Object.keys(outputs).sort());
  for (const source of manifest.sources) {
    const exitCode = (outputs[source.id] as { exitCode?: number } | undefined)?.exitCode ?? 0;
    expect(source).toMatchObject({ kind: 'command', exitCode, errorCode: null, truncated: false, stdoutFile: `sources/${source.id}.stdout` });
    expect(source.file?.length, source.id).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, source.stdoutFile), 'utf8'), source.id).toBe(outputs[source.id]?.stdout);
  }
};

const byCheck = (observations: Json[]): Record<string, Json> =>
  Object.fromEntries(observations.map((observation) => [String(observation.check), observation]));

/** The first half of one source's output, as when the tool is stopped part-way. */
const cutInHalf = (outputs: RawOutputs, id: string): RawOutputs => {
  const whole = outputs[id];
  if (!whole) throw new Error(`no output for ${id}`);
  return { ...outputs, [id]: { ...whole, stdout: whole.stdout.slice(0, Math.floor(whole.stdout.length / 2)) } };
};

const OUTPUTS = { windows: windowsOutputs, macos: macosOutputs };
const healthy = {} as Record<'windows' | 'macos', Replay>;
beforeAll(async () => {
  healthy.windows = await writeAndReplay('windows', windowsOutputs());
  healthy.macos = await writeAndReplay('macos', macosOutputs());
});

describe.each(['windows' as const, 'macos' as const])('replaying a %s bundle of real captures', (platform) => {
  it('is written by the agent in format version 1, one file per source', () => {
    expectBundleOnDisk(healthy[platform], platform);
  });

  it('the CLI says exactly what the checks say in-process, for all six checks', () => {
    const { replayed, expected } = healthy[platform];
    expect(replayed).toEqual(expected);
    expect(replayed.map((observation) => observation.check)).toEqual(CHECK_ORDER);
  });
});

describe('facts the real captures hold, as replayed', () => {
  it('windows: BitLocker on C:, Defender current, all three profiles on, secedit policy, storage blocked, the inactivity lock', () => {
    const observations = byCheck(healthy.windows.replayed);
    for (const name of ['encryption', 'antivirus', 'password-policy', 'removable-media', 'screen-lock']) {
      expect(observations[name], name).toMatchObject({ status: 'COLLECTED' });
      expect(observations[name]?.reasonCode, name).toBeUndefined();
    }
    expect(observations.encryption?.encryption).toEqual({ volumes: [
      // E: in the capture is VolumeType 2 (removable): a stick, not one of the device's disks.
      { name: 'C:', device: 'C:', role: 'VOLUME_ROLE_SYSTEM', encrypted: 'TRI_YES', protectionOn: 'TRI_YES', method: 'bitlocker-xts-aes-128', percentEncrypted: 100, state: 'fully-encrypted' },
    ] });
    // Defender seen by both sources is one product.
    expect(observations.antivirus?.antivirus).toEqual({ products: [expect.objectContaining({
      name: 'Microsoft Defender Antivirus', enabled: 'TRI_YES', realtimeProtection: 'TRI_YES', signatureVersion: '1.413.102.0', engineVersion: '1.1.24050.5', reportsUpToDate: 'TRI_YES',
    })] });
    // secedit: MinimumPasswordLength = 0 (a proto default, so absent from JSON), MaximumPasswordAge = 42, complexity on, lockout after 1.
    expect(observations['password-policy']?.passwordPolicy).toMatchObject({ maxAgeDays: 42, complexityRequired: 'TRI_YES', minCharacterClasses: 3, lockoutThreshold: 1 });
    expect((observations['password-policy']?.passwordPolicy as Json | undefined)?.minLength ?? 0).toBe(0);
    // The deny list is the directory's: Windows cannot see it.
    expect(observations['password-policy']?.passwordPolicy).toMatchObject({ denyListProblem: expect.stringContaining('directory') });
    expect((observations['password-policy']?.passwordPolicy as Json | undefined)?.denyListEnforced ?? 'TRI_UNKNOWN').toBe('TRI_UNKNOWN');
    expect(observations['removable-media']?.removableMedia).toEqual({
      storageBlocked: 'TRI_YES', writeBlocked: 'TRI_YES', mechanism: 'Group Policy: all removable storage classes, deny all access',
    });
    expect(observations['screen-lock']?.screenLock).toEqual({
      idleLockSeconds: 600, passwordOnWake: 'TRI_YES', enforced: 'TRI_YES', settingSource: 'windows machine inactivity limit',
    });
  });

  it('windows: the firewall profiles are collected; the rules not in the bundle are said, not hidden', () => {
    const firewall = byCheck(healthy.windows.replayed).firewall;
    expect(firewall).toMatchObject({
      status: 'COLLECTED',
      sourceIds: ['windows.get-netfirewallprofile', 'windows.get-netfirewallrule-inbound-allow', 'windows.securitycenter2-firewallproduct'],
      firewall: {
        enabled: 'TRI_YES', inboundDefault: 'FIREWALL_DROP', backend: 'windows',
        profiles: ['Domain', 'Private', 'Public'].map((name) => ({ name, enabled: 'TRI_YES', inboundDefault: 'FIREWALL_DROP' })),
        inboundRulesListed: 'TRI_NO',
        inboundRulesProblem: `${ERRORS.SOURCE_NOT_CAPTURED} (windows.get-netfirewallrule-inbound-allow)`,
        registeredFirewallsListed: 'TRI_YES',
      },
    });
    expect(firewall?.reason).toBeUndefined();
  });

  it('macos: FileVault on, XProtect dated by its receipt and real-time by SIP, firewall on with stealth, pwpolicy minimum 8', () => {
    const observations = byCheck(healthy.macos.replayed);
    for (const name of ['encryption', 'antivirus', 'firewall', 'password-policy']) {
      expect(observations[name], name).toMatchObject({ status: 'COLLECTED' });
      expect(observations[name]?.reasonCode, name).toBeUndefined();
    }
    expect(observations.encryption?.encryption).toEqual({ volumes: [{
      name: 'Data', device: 'disk3s5', role: 'VOLUME_ROLE_SYSTEM', encrypted: 'TRI_YES', protectionOn: 'TRI_YES', method: 'filevault', state: 'fully-encrypted', percentEncrypted: 100,
    }] });
    // The receipt was asked for in a second round and came from the bundle.
    expect(observations.antivirus?.sourceIds).toEqual([
      'macos.xprotect-bundle-version', 'macos.pkgutil-xprotect-receipts', 'macos.xprotect-live-bundle-version', 'macos.xprotect-live-bundle-modified',
      'macos.csrutil-status', 'macos.mdatp-health', `macos.pkgutil-pkg-info.${XPROTECT_PACKAGE}`,
    ]);
    // Defender's update time: when the bundle says mdatp was read, less its 5 minutes ago.
    expect(observations.antivirus?.antivirus).toEqual({ products: [
      expect.objectContaining({
        name: 'XProtect', enabled: 'TRI_YES', signatureVersion: '5287', signaturesUpdatedAtMs: 1784293286 * 1000,
        realtimeProtection: 'TRI_YES', realtimeProtectionBasis: expect.stringContaining('System Integrity Protection is on'),
      }),
      expect.objectContaining({
        name: 'Microsoft Defender for Endpoint', enabled: 'TRI_YES', realtimeProtection: 'TRI_YES', signatureVersion: '1.369.896.0',
        signaturesUpdatedAtMs: MDATP_READ_AT - 5 * 60_000, reportsUpToDate: 'TRI_YES', engineVersion: '1.1.19300.3',
      }),
    ] });
    expect(observations.firewall?.firewall).toMatchObject({ enabled: 'TRI_YES', stealthMode: 'TRI_YES', blockAllIncoming: 'TRI_NO', inboundDefault: 'FIREWALL_ALLOW', backend: 'socketfilterfw' });
    // Allowed apps only: sshd-session and sshd-auth are blocked in the capture.
    expect((observations.firewall?.firewall as { inboundAllowRules: Json[] }).inboundAllowRules.map((rule) => rule.application)).toEqual([
      '/usr/libexec/remoted', '/usr/bin/python3', '/usr/bin/ruby', '/usr/sbin/cupsd', '/usr/libexec/sharingd', '/usr/libexec/sshd-keygen-wrapper', '/usr/sbin/smbd',
    ]);
    expect(observations['password-policy']?.passwordPolicy).toMatchObject({ minLength: 8, minCharacterClasses: 3, lockoutThreshold: 5, complexityRequired: 'TRI_YES' });
  });

  it('macos: a profile blocks external disks and sets the screen saver; the lock comes 5 s after 10 minutes', () => {
    const observations = byCheck(healthy.macos.replayed);
    expect(observations['removable-media']).toEqual({
      check: 'removable-media', status: 'COLLECTED', sourceIds: ['macos.managed-preferences', 'macos.managed-systemuiserver'],
      removableMedia: { storageBlocked: 'TRI_YES', writeBlocked: 'TRI_YES', mechanism: 'configuration profile: external disks denied (mount-controls)' },
    });
    expect(observations['screen-lock']).toEqual({
      check: 'screen-lock', status: 'COLLECTED',
      sourceIds: ['macos.pmset', 'macos.sysadminctl-screenlock', 'macos.managed-preferences', 'macos.managed-screensaver'],
      screenLock: { idleLockSeconds: 605, passwordOnWake: 'TRI_YES', enforced: 'TRI_YES', settingSource: 'macos configuration profile' },
    });
  });
});

describe('a bundle with one source cut in the middle', () => {
  it.each([
    // BitLocker's JSON stops part-way: replay then asks for manage-bde, which the bundle lacks.
    ['windows' as const, 'windows.win32-encryptablevolume', 'encryption', 'SOURCE_NOT_CAPTURED', /stops part-way.*Fallback:.*windows\.manage-bde-status/s],
    ['macos' as const, 'macos.pwpolicy-account-policies', 'password-policy', 'OUTPUT_TRUNCATED', /stops part-way/],
    ['windows' as const, 'windows.screen-lock-settings', 'screen-lock', 'OUTPUT_TRUNCATED', /stops part-way/],
    ['macos' as const, 'macos.pmset', 'screen-lock', 'OUTPUT_UNRECOGNISED', /no displaysleep setting/],
  ])('%s: only the check reading it could not collect, with a reason', async (platform, sourceId, checkName, reasonCode, reason) => {
    const replay = await writeAndReplay(platform, cutInHalf(OUTPUTS[platform](), sourceId));
    expectBundleOnDisk(replay, platform);
    const { replayed, expected } = replay;
    expect(replayed).toEqual(expected);
    const observations = byCheck(replayed);
    expect(observations[checkName]).toMatchObject({ status: 'COULD_NOT_COLLECT', reasonCode, reason: expect.stringMatching(reason) });
    const before = byCheck(healthy[platform].replayed);
    expect(Object.keys(before)).toEqual(CHECK_ORDER);
    for (const name of CHECK_ORDER.filter((other) => other !== checkName)) expect(observations[name], name).toEqual(before[name]);
  });
});
