import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { validatePolicyPack } from '@invigilator/shared/policy/validate.ts';
import { AGENT_SERVICE_SAFEGUARD, MisuseKind, StopReason, Tri, type MisuseEvent, type RemovableDevice } from '@invigilator/shared/wire.ts';
import { alertForMisuse, alertForSilence, alertForStop, alertForVerdictChange, sha256, type DeviceRef } from '../../src/alerts/rules.ts';
import type { Verdict, VerdictStatus } from '../../src/policy/verdict.ts';

const laptop: DeviceRef = { id: 'dev-7f3a', hostname: 'LAPTOP-23', schoolId: 'oakfield' };
const verdict = (status: VerdictStatus, reasonCode = 'X', check: Verdict['check'] = 'firewall'): Verdict => ({
  check, status, reasonCode, reason: `Reason for ${reasonCode}.`, clauseId: 'firewall', clauseText: 'Firewalls are switched on at all times.',
});
const packWithMedia = (settings: Partial<typeof DEFAULT_POLICY_PACK.checks.removableMedia>) => {
  const copy = structuredClone(DEFAULT_POLICY_PACK);
  Object.assign(copy.checks.removableMedia, settings);
  return validatePolicyPack(copy);
};

describe('alertForVerdictChange', () => {
  const POSTURE_KEY = 'posture:dev-7f3a:firewall';
  it.each<[string, Verdict | undefined, Verdict, 'open' | 'refresh' | 'resolve' | 'nothing']>([
    ['first verdict fails', undefined, verdict('fail', 'FIREWALL_OFF'), 'open'],
    ['pass -> fail', verdict('pass'), verdict('fail', 'FIREWALL_OFF'), 'open'],
    ['unknown -> fail', verdict('unknown'), verdict('fail', 'FIREWALL_OFF'), 'open'],
    ['not applicable -> fail', verdict('not_applicable'), verdict('fail', 'FIREWALL_OFF'), 'open'],
    ['fail -> fail for a new reason', verdict('fail', 'FIREWALL_PROFILE_OFF'), verdict('fail', 'FIREWALL_OFF'), 'open'],
    // Raised again so that an alert a person resolved while the device still fails reopens; not a new failure.
    ['fail -> fail, same reason (hourly repeat)', verdict('fail', 'FIREWALL_OFF'), verdict('fail', 'FIREWALL_OFF'), 'refresh'],
    ['fail -> pass', verdict('fail'), verdict('pass'), 'resolve'],
    ['fail -> not applicable (school dropped the rule)', verdict('fail'), verdict('not_applicable'), 'resolve'],
    ['unknown -> pass (after fail -> unknown)', verdict('unknown'), verdict('pass'), 'resolve'],
    ['fail -> unknown keeps the alert', verdict('fail'), verdict('unknown'), 'nothing'],
    ['pass -> unknown opens nothing', verdict('pass'), verdict('unknown'), 'nothing'],
    ['pass -> pass', verdict('pass'), verdict('pass'), 'nothing'],
    ['first verdict passes', undefined, verdict('pass'), 'nothing'],
  ])('%s', (_case, previous, next, expected) => {
    const result = alertForVerdictChange(laptop, previous, next);
    const raise = { raise: expect.objectContaining({ category: 'posture', dedupKey: POSTURE_KEY }) };
    if (expected === 'open') expect(result).toEqual({ ...raise, newFailure: true });
    if (expected === 'refresh') expect(result).toEqual({ ...raise, newFailure: false });
    if (expected === 'resolve') expect(result).toEqual({ resolveDedupKey: POSTURE_KEY });
    if (expected === 'nothing') expect(result).toEqual({});
  });

  it('drafts a posture alert quoting the verdict and its clause', () => {
    const next = verdict('fail', 'FIREWALL_OFF');
    expect(alertForVerdictChange(laptop, verdict('pass'), next).raise).toEqual({
      category: 'posture', severity: 'critical', dedupKey: POSTURE_KEY,
      title: 'Firewall fails the school\'s policy on LAPTOP-23', summary: 'Reason for FIREWALL_OFF.', check: 'firewall',
      clauseId: 'firewall', clauseText: 'Firewalls are switched on at all times.',
      detail: { deviceId: 'dev-7f3a', hostname: 'LAPTOP-23', check: 'firewall', reasonCode: 'FIREWALL_OFF', previousStatus: 'pass' },
    });
  });

  it.each([
    ['ENCRYPTION_OFF', 'critical'], ['NO_ANTIVIRUS', 'critical'], ['ANTIVIRUS_OFF', 'critical'], ['FIREWALL_OFF', 'critical'],
    ['SIGNATURES_STALE', 'warning'], ['PASSWORD_POLICY_WEAK', 'warning'], ['REMOVABLE_STORAGE_ALLOWED', 'warning'], ['SCREEN_LOCK_TOO_LATE', 'warning'],
  ])('%s is %s', (reasonCode, severity) => {
    expect(alertForVerdictChange(laptop, undefined, verdict('fail', reasonCode)).raise?.severity).toBe(severity);
  });

  it('keys each check of each device apart, the same on every call', () => {
    const keyOf = (device: DeviceRef, check: Verdict['check']) => alertForVerdictChange(device, undefined, verdict('fail', 'X', check)).raise?.dedupKey;
    expect(keyOf(laptop, 'encryption')).toBe('posture:dev-7f3a:encryption');
    expect(keyOf(laptop, 'encryption')).toBe(keyOf(laptop, 'encryption'));
    expect(keyOf({ ...laptop, id: 'dev-other' }, 'encryption')).toBe('posture:dev-other:encryption');
  });
});

describe('alertForMisuse', () => {
  const stick: RemovableDevice = {
    vendor: 'SanDisk', model: 'Cruzer Blade', serial: '4C530001230925113102', label: 'STUDENT', mountPoint: 'E:', bus: 'usb',
    sizeBytes: 16_000_000_000, filesystem: 'FAT32', device: 'E:',
  };
  const at = new Date('2026-11-23T10:15:42Z');
  const attached: MisuseEvent = { kind: MisuseKind.MEDIA_ATTACHED, device: stick, user: 'OAKFIELD\\jsmith' };
  const written: MisuseEvent = {
    kind: MisuseKind.FILE_WRITTEN, device: stick, user: 'OAKFIELD\\jsmith',
    file: { name: 'Year 9 SEN register.xlsx', sizeBytes: 48_213, relativeDir: 'Documents' },
  };
  const alert = (misuse: MisuseEvent, when = at, pack = DEFAULT_POLICY_PACK) => alertForMisuse(laptop, misuse, pack, when);

  it('a stick plugged in where banned: a warning naming the stick and the user, quoting the clause', () => {
    expect(alert(attached)).toEqual({
      category: 'misuse', severity: 'warning',
      dedupKey: `misuse:dev-7f3a:media:${sha256('4C530001230925113102').slice(0, 16)}:2026-11-23T10:15Z`,
      title: 'Removable media plugged into LAPTOP-23',
      summary: '"STUDENT" (SanDisk Cruzer Blade) at E: was plugged in while OAKFIELD\\jsmith was logged in; the school\'s policy bans removable media.',
      clauseId: 'removable-media', clauseText: DEFAULT_POLICY_PACK.clauses['removable-media'],
      detail: {
        deviceId: 'dev-7f3a', hostname: 'LAPTOP-23', user: 'OAKFIELD\\jsmith',
        media: { vendor: 'SanDisk', model: 'Cruzer Blade', serial: '4C530001230925113102', label: 'STUDENT', bus: 'usb' },
      },
      // What the alert row keeps: nothing the device supplied (that stays in the event, stored once).
      stored: {
        summary: 'Removable media was plugged in; the school\'s policy bans removable media.',
        detail: { deviceId: 'dev-7f3a', hostname: 'LAPTOP-23', kind: 'media-plugged' },
      },
      // A stick that drops and reconnects over the turn of the minute is still the one insertion.
      continues: {
        keys: ['10:14', '10:13', '10:12', '10:11', '10:10', '10:09'].map((minute) => `misuse:dev-7f3a:media:${sha256('4C530001230925113102').slice(0, 16)}:2026-11-23T${minute}Z`),
        withinMs: 60_000,
      },
    });
  });

  it('one alert per insertion: same minute -> same key; a later insertion -> a new key', () => {
    const key = (when: Date, misuse = attached) => alert(misuse, when)?.dedupKey;
    expect(key(at)).toBe(key(new Date('2026-11-23T10:15:59Z')));
    expect(key(new Date('2026-11-23T10:16:03Z'))).not.toBe(key(at));
    // The stick is named by a digest of its serial, else its label: the key holds nothing the device supplied.
    const digest = (text: string) => sha256(text).slice(0, 16);
    expect(key(at, { ...attached, device: { ...stick, serial: '' } })).toBe(`misuse:dev-7f3a:media:${digest('STUDENT')}:2026-11-23T10:15Z`);
    expect(key(at, { kind: MisuseKind.MEDIA_ATTACHED })).toBe(`misuse:dev-7f3a:media:${digest('unidentified')}:2026-11-23T10:15Z`);
    expect(key(at, { ...attached, device: { serial: 'A:B C' } })).toBe(`misuse:dev-7f3a:media:${digest('A:B C')}:2026-11-23T10:15Z`);
  });

  it('files copied to the stick: critical, one alert per stick per hour, with the file name and nothing more', () => {
    const draft = alert(written);
    expect(draft).toMatchObject({
      severity: 'critical', title: 'Files copied to a memory stick on LAPTOP-23',
      dedupKey: `misuse:dev-7f3a:media-write:${sha256('4C530001230925113102').slice(0, 16)}:2026-11-23T10Z`,
      summary: 'Files were copied to "STUDENT" (SanDisk Cruzer Blade) at E: while OAKFIELD\\jsmith was logged in.',
    });
    expect(draft?.detail).toEqual({
      deviceId: 'dev-7f3a', hostname: 'LAPTOP-23', user: 'OAKFIELD\\jsmith',
      media: { vendor: 'SanDisk', model: 'Cruzer Blade', serial: '4C530001230925113102', label: 'STUDENT', bus: 'usb' },
      file: { name: 'Year 9 SEN register.xlsx' },
    });
    expect(alert(written, new Date('2026-11-23T10:59:59Z'))?.dedupKey).toBe(draft?.dedupKey);
    expect(alert(written, new Date('2026-11-23T11:00:00Z'))?.dedupKey).not.toBe(draft?.dedupKey);
  });

  it('with hashed names, the alert carries only the hash, even when an agent still sent the name', () => {
    const pack = packWithMedia({ hashFileNames: true });
    const expectedHash = createHash('sha256').update('Year 9 SEN register.xlsx').digest('hex');
    expect(alert(written, at, pack)?.detail.file).toEqual({ nameSha256: expectedHash });
    const hashedByAgent = { ...written, file: { nameSha256: 'ab'.repeat(32) } };
    expect(alert(hashedByAgent, at, pack)?.detail.file).toEqual({ nameSha256: 'ab'.repeat(32) });
    expect(alert(hashedByAgent)?.detail.file).toEqual({ nameSha256: 'ab'.repeat(32) });
  });

  it.each<[string, MisuseEvent, Partial<typeof DEFAULT_POLICY_PACK.checks.removableMedia>]>([
    ['removal closes nothing', { kind: MisuseKind.MEDIA_DETACHED, device: stick }, {}],
    ['a stick where media is allowed', attached, { banned: false }],
    ['a file write where writes are not alerted', written, { alertOnFileWrites: false }],
  ])('no alert: %s', (_case, misuse, settings) => {
    expect(alert(misuse, at, packWithMedia(settings))).toBeUndefined();
  });

  it('file writes are alerted where media is allowed but writes are watched', () => {
    expect(alert(written, at, packWithMedia({ banned: false }))?.severity).toBe('critical');
  });

  it.each<[string, MisuseEvent, string, string, Record<string, unknown>]>([
    ['safeguard switched off', { kind: MisuseKind.SAFEGUARD_DISABLED, user: 'jsmith', detail: 'Microsoft Defender real-time protection was turned off' },
      'A safeguard was switched off on LAPTOP-23', 'Microsoft Defender real-time protection was turned off while jsmith was logged in.',
      { changedBy: null, byAdministrator: false }],
    ['bypass tool', { kind: MisuseKind.BYPASS_TOOL, detail: 'psiphon3.exe started', subject: 'C:\\Users\\jsmith\\psiphon3.exe' },
      'A filter-bypass tool was used on LAPTOP-23', 'psiphon3.exe started.', { program: 'C:\\Users\\jsmith\\psiphon3.exe' }],
    ['bypass tool without detail', { kind: MisuseKind.BYPASS_TOOL },
      'A filter-bypass tool was used on LAPTOP-23', 'A tool that bypasses the school\'s filtering was found.', { program: null }],
  ])('%s: critical, quoting the misuse clause', (_case, misuse, title, summary, extra) => {
    const draft = alert(misuse);
    expect(draft).toMatchObject({ category: 'misuse', severity: 'critical', title, summary, clauseId: 'safeguards',
      clauseText: 'Using anything that bypasses the filtering or other safeguards is misuse.' });
    expect(draft?.detail).toEqual({ deviceId: 'dev-7f3a', hostname: 'LAPTOP-23', user: misuse.user ?? null, what: misuse.detail ?? null, ...extra });
    expect(alert(misuse)?.dedupKey).toBe(draft?.dedupKey);
    expect(draft?.dedupKey).toMatch(/^misuse:dev-7f3a:(safeguard|bypass):[0-9a-f]{16}:2026-11-23T10Z$/);
  });

  it('a safeguard an administrator account switched off is reported as the administrator\'s change, not as misuse', () => {
    const draft = alert({
      kind: MisuseKind.SAFEGUARD_DISABLED, user: 'jsmith', subject: 'the firewall', changedBy: 'SCHOOL\\itadmin', changedByAdministrator: Tri.TRI_YES,
      detail: 'The firewall was switched off by the administrator account SCHOOL\\itadmin: the Public profile is off',
    });
    expect(draft).toMatchObject({ severity: 'info', title: 'An administrator switched off a safeguard on LAPTOP-23' });
    expect(draft?.detail).toMatchObject({ changedBy: 'SCHOOL\\itadmin', byAdministrator: true });
  });

  it('a program downloaded: a warning quoting the downloads clause, one per device per hour', () => {
    const download = { kind: MisuseKind.EXECUTABLE_DOWNLOADED, user: 'pupil7', subject: 'setup.exe',
      detail: 'The program or installer "setup.exe" (5120 bytes) was saved to /home/pupil7/Downloads' };
    const draft = alert(download);
    expect(draft).toMatchObject({
      severity: 'warning', title: 'A program was downloaded on LAPTOP-23', clauseId: 'downloads', clauseText: DEFAULT_POLICY_PACK.clauses.downloads,
      summary: 'The program or installer "setup.exe" (5120 bytes) was saved to /home/pupil7/Downloads while pupil7 was logged in.',
      dedupKey: 'misuse:dev-7f3a:download:2026-11-23T10Z',
    });
  });

  it('public Wi-Fi: a warning naming the network, quoting the Wi-Fi clause', () => {
    const draft = alert({ kind: MisuseKind.PUBLIC_WIFI, user: 'pupil7', subject: 'Cafe Free WiFi', detail: 'The device joined the open (password-less) Wi-Fi network "Cafe Free WiFi"' });
    expect(draft).toMatchObject({ severity: 'warning', clauseId: 'public-wifi', title: 'LAPTOP-23 joined a Wi-Fi network the school does not allow' });
    expect(draft?.detail).toMatchObject({ network: 'Cafe Free WiFi', user: 'pupil7' });
  });

  it('a proxy a pupil set: critical, to the DSL, in the agent\'s words, quoting the filtering clause', () => {
    const draft = alert({ kind: MisuseKind.PROXY_SET, user: 'pupil7', subject: '127.0.0.1:9050', changedByAdministrator: Tri.TRI_NO,
      detail: 'A proxy was set in the user\'s own settings: Firefox sends web traffic through the SOCKS proxy 127.0.0.1:9050' });
    expect(draft).toMatchObject({
      category: 'misuse', severity: 'critical', clauseId: 'safeguards', clauseText: DEFAULT_POLICY_PACK.clauses.safeguards,
      title: 'A proxy set on LAPTOP-23 gets round the school\'s filtering',
      summary: 'A proxy was set in the user\'s own settings: Firefox sends web traffic through the SOCKS proxy 127.0.0.1:9050 while pupil7 was logged in.',
    });
    expect(draft?.dedupKey).toMatch(/^misuse:dev-7f3a:proxy:[0-9a-f]{16}:2026-11-23T10Z$/);
    expect(draft?.detail).toMatchObject({ address: '127.0.0.1:9050', byAdministrator: false, user: 'pupil7' });
  });

  it('DNS over HTTPS a managed policy switched on is the school\'s setting: informational', () => {
    const draft = alert({ kind: MisuseKind.DNS_OVER_HTTPS_SET, subject: 'https://dns.quad9.net/dns-query', changedBy: '/etc/firefox/policies/policies.json',
      changedByAdministrator: Tri.TRI_YES, detail: 'A policy the school manages (/etc/firefox/policies/policies.json) set this: Firefox looks names up with DNS over HTTPS at https://dns.quad9.net/dns-query (only, never ordinary DNS)' });
    expect(draft).toMatchObject({ severity: 'info', title: 'A managed policy set DNS over HTTPS on LAPTOP-23' });
    expect(draft?.dedupKey).toMatch(/^misuse:dev-7f3a:doh:/);
    expect(draft?.detail).toMatchObject({ managedBy: '/etc/firefox/policies/policies.json', byAdministrator: true });
  });

  it.each([
    ['webfilter.school.example:8080', 'webfilter.school.example:8080', true],
    ['webfilter.school.example', 'WebFilter.School.example:3128', true],
    ['webfilter.school.example:8080', 'webfilter.school.example:3128', false],
    ['http://webfilter.school.example/proxy.pac', 'http://webfilter.school.example/proxy.pac', true],
    ['http://webfilter.school.example/proxy.pac', 'http://webfilter.school.example/other.pac', false],
    ['https://doh.school.example', 'https://doh.school.example/dns-query', true],
    ['school.example', 'evil-school.example:8080', false],
  ])('the school\'s own address %s against a setting naming %s: no alert = %s', (school, seen, quiet) => {
    const copy = structuredClone(DEFAULT_POLICY_PACK);
    copy.misuse.bypassTools.schoolAddresses = [school];
    const draft = alert({ kind: MisuseKind.PROXY_SET, subject: seen, detail: 'x' }, at, validatePolicyPack(copy));
    expect(draft === undefined).toBe(quiet);
  });

  it.each([
    ['safeguards', { kind: MisuseKind.SAFEGUARD_DISABLED, detail: 'x' }],
    ['bypassTools', { kind: MisuseKind.PROXY_SET, subject: 'p:1', detail: 'x' }],
    ['bypassTools', { kind: MisuseKind.DNS_OVER_HTTPS_SET, subject: 'https://d/q', detail: 'x' }],
    ['bypassTools', { kind: MisuseKind.BYPASS_TOOL, detail: 'x' }],
    ['downloads', { kind: MisuseKind.EXECUTABLE_DOWNLOADED, detail: 'x' }],
    ['publicWifi', { kind: MisuseKind.PUBLIC_WIFI, detail: 'x' }],
  ] as const)('no alert where the school switched %s off', (section, misuse) => {
    const copy = structuredClone(DEFAULT_POLICY_PACK) as unknown as { misuse: Record<string, { enabled: boolean }> };
    copy.misuse[section]!.enabled = false;
    expect(alert(misuse, at, validatePolicyPack(copy))).toBeUndefined();
  });

  it('an event kind this collector does not know is shown to the DSL, not dropped', () => {
    expect(alert({ kind: 42 as MisuseEvent['kind'], detail: 'screen recorder started' })).toMatchObject({
      category: 'misuse', severity: 'info', dedupKey: 'misuse:dev-7f3a:other:42:2026-11-23T10Z',
      summary: expect.stringContaining('screen recorder started'),
    });
  });
});

describe('alertForSilence', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  const hoursBefore = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  it.each([[71], [72], [0], [-5]])('nothing after %d hours (limit 72)', (hours) => {
    expect(alertForSilence(laptop, hoursBefore(hours), DEFAULT_POLICY_PACK, now)).toBeUndefined();
  });

  it('nothing for a last-seen time that is not a date', () => {
    expect(alertForSilence(laptop, new Date(Number.NaN), DEFAULT_POLICY_PACK, now)).toBeUndefined();
  });

  it('an availability alert past the school\'s limit, one key per device', () => {
    const draft = alertForSilence(laptop, hoursBefore(96.5), DEFAULT_POLICY_PACK, now);
    expect(draft).toEqual({
      category: 'availability', severity: 'warning', dedupKey: 'availability:dev-7f3a:silent',
      title: 'LAPTOP-23 not seen for 4 days (97 hours)',
      summary: 'LAPTOP-23 last reported at 2026-11-19 08:30 UTC; the school expects every device to report within 72 hours. '
        + 'It may be switched off or away from school, or its agent may have stopped.',
      clauseId: 'monitoring', clauseText: DEFAULT_POLICY_PACK.clauses.monitoring,
      detail: { deviceId: 'dev-7f3a', hostname: 'LAPTOP-23', lastSeenAt: '2026-11-19T08:30:00.000Z', hoursSilent: 96, schoolTime: false },
    });
    expect(alertForSilence(laptop, hoursBefore(200), DEFAULT_POLICY_PACK, now)?.dedupKey).toBe(draft?.dedupKey);
  });

  it('uses the school\'s own limit', () => {
    const copy = structuredClone(DEFAULT_POLICY_PACK);
    copy.availability.silentAfterHours = 24;
    const pack = validatePolicyPack(copy);
    expect(alertForSilence(laptop, hoursBefore(30), pack, now)?.title).toBe('LAPTOP-23 not seen for 30 hours');
  });
});

describe('the agent\'s last event', () => {
  const stoppedAt = new Date('2026-11-20T15:32:10Z');
  const now = new Date('2026-11-23T16:00:00Z');

  it.each([
    [StopReason.STOP_REASON_SYSTEM_SHUTDOWN], [StopReason.STOP_REASON_SYSTEM_REBOOT], [StopReason.STOP_REASON_UPGRADE], [StopReason.STOP_REASON_UNSPECIFIED],
  ])('raises nothing for a shutdown, a restart, an upgrade or a stop it could not explain (reason %i)', (reason) => {
    expect(alertForStop(laptop, { reason, detail: 'x' }, DEFAULT_POLICY_PACK, stoppedAt)).toBeUndefined();
  });

  it('raises an availability alert for the technicians when the service is stopped while the device stays on, naming no user', () => {
    const draft = alertForStop(laptop, { reason: StopReason.STOP_REASON_SERVICE_STOPPED, detail: 'systemd stopped invigilator-agent.service while the device stays on (no shutdown or restart is queued).' }, DEFAULT_POLICY_PACK, stoppedAt);
    expect(draft).toMatchObject({
      category: 'availability', severity: 'warning', dedupKey: 'availability:dev-7f3a:agent-stopped',
      title: 'The agent on LAPTOP-23 was stopped',
      summary: 'The agent was stopped while the device stayed on at 2026-11-20 15:32 UTC: systemd stopped invigilator-agent.service while the device stays on '
        + '(no shutdown or restart is queued). Only an account with administrator rights on the device can do that. Until it runs again, LAPTOP-23 is not checked or watched.',
      clauseId: 'monitoring',
      detail: { deviceId: 'dev-7f3a', hostname: 'LAPTOP-23', stopReason: 'service-stopped', stoppedAt: '2026-11-20T15:32:10.000Z' },
    });
    expect(JSON.stringify(draft)).not.toMatch(/pupil/);
  });

  it('reports an uninstall as such', () => {
    expect(alertForStop(laptop, { reason: StopReason.STOP_REASON_UNINSTALL, detail: 'An installer is removing the agent (version 0.1.0).' }, DEFAULT_POLICY_PACK, stoppedAt))
      .toMatchObject({ category: 'availability', title: 'The agent was uninstalled from LAPTOP-23', summary: expect.stringMatching(/^The agent was uninstalled at 2026-11-20 15:32 UTC: An installer is removing/) });
  });

  it('words the silence of a device that said it was switched off, instead of "reason unknown"', () => {
    const lastStop = { at: stoppedAt.getTime(), stopping: { reason: StopReason.STOP_REASON_SYSTEM_SHUTDOWN, detail: 'The device is shutting down (systemd is starting poweroff.target).' } };
    const draft = alertForSilence(laptop, new Date(stoppedAt.getTime() + 2_000), DEFAULT_POLICY_PACK, now, undefined, lastStop);
    expect(draft?.title).toBe('LAPTOP-23 was switched off at 2026-11-20 15:32 UTC, not seen for 3 days (73 hours)');
    expect(draft?.summary).toBe('LAPTOP-23 was switched off at 2026-11-20 15:32 UTC and has not reported since; the school expects every device to report '
      + 'within 72 hours. The agent\'s last report: The device is shutting down (systemd is starting poweroff.target).');
    expect(draft?.summary).not.toContain('may have stopped');
    expect(draft?.detail).toMatchObject({ stopReason: 'shutdown', stoppedAt: '2026-11-20T15:32:10.000Z' });
    expect(draft?.dedupKey).toBe('availability:dev-7f3a:silent');
  });

  it('words the silence after a stopped service or an uninstall by what happened', () => {
    const after = (reason: StopReason) => alertForSilence(laptop, stoppedAt, DEFAULT_POLICY_PACK, now, undefined, { at: stoppedAt.getTime(), stopping: { reason } })?.title;
    expect(after(StopReason.STOP_REASON_SERVICE_STOPPED)).toMatch(/^LAPTOP-23 had its agent stopped while it stayed on at /);
    expect(after(StopReason.STOP_REASON_UNINSTALL)).toMatch(/^LAPTOP-23 had its agent uninstalled at /);
  });
});

describe('the agent\'s own service switched off while it runs', () => {
  it('goes to the technicians as availability, not to the DSL as misuse, whoever the OS names', () => {
    const misuse: MisuseEvent = {
      kind: MisuseKind.SAFEGUARD_DISABLED, subject: AGENT_SERVICE_SAFEGUARD, user: 'pupil7', changedByAdministrator: Tri.TRI_YES,
      detail: 'The Invigilator agent service was switched off: the service invigilator-agent.service was set not to start (disabled)',
    };
    const draft = alertForMisuse(laptop, misuse, DEFAULT_POLICY_PACK, new Date('2026-11-20T10:00:00Z'));
    expect(draft).toMatchObject({ category: 'availability', severity: 'warning', title: 'The agent on LAPTOP-23 was switched off', dedupKey: 'availability:dev-7f3a:agent-service-off' });
    expect(JSON.stringify(draft)).not.toContain('pupil7');
  });
});
