// A term of firewall observations sent through the real gateway by simulated agents at known times,
// then the termly firewall review and the evidence pack read back: every figure equals what was sent,
// holidays do not count against a device, and the PDF pages are rendered to PNG for people to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionStatus, FirewallAction, MisuseKind, Platform, Tri, type DeviceFacts, type Event } from '@invigilator/shared/wire.ts';
import { api, COLLECTOR_BIN, ROOT, runCli, startCollector, tempDir, type CollectorUnderTest } from '../support/processes.ts';
import { SimAgent } from '../support/sim-agent.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Every date of these terms is in British Summer Time: local midnight is 23:00 UTC the day before. */
const local = (date: string, time = '00:00'): number => Date.parse(`${date}T${time}:00Z`) - HOUR;
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

const ARTEFACTS = path.join(ROOT, 'test-artifacts', 'term-reports');

type Rule = { name: string; protocol: string; ports: string; source: string; application?: string; profile?: string };
const SSH: Rule = { name: 'inet filter input #4', protocol: 'tcp', ports: '22', source: '10.0.0.0/8' };
const HTTP: Rule = { name: 'inet filter input #5', protocol: 'tcp', ports: '80', source: '' };
const RDP: Rule = { name: 'Remote Desktop - User Mode (TCP-In)', protocol: 'tcp', ports: '3389', source: '', application: 'C:\\Windows\\system32\\svchost.exe', profile: 'Domain' };

interface Reading { at: number; on: boolean; profilesOff?: string[]; rules?: Rule[]; unreadable?: string }

const firewallObservation = (reading: Reading, windows: boolean): Event['observation'] => ({
  check: 'firewall', status: CollectionStatus.COLLECTED,
  firewall: {
    enabled: reading.on ? Tri.TRI_YES : Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_DROP,
    backend: windows ? 'windows' : 'nftables',
    profiles: windows ? ['Domain', 'Private', 'Public'].map((name) => ({
      name, enabled: reading.on && !reading.profilesOff?.includes(name) ? Tri.TRI_YES : Tri.TRI_NO, inboundDefault: FirewallAction.FIREWALL_DROP,
    })) : [],
    inboundAllowRules: reading.rules ?? [],
    inboundRulesListed: reading.unreadable ? Tri.TRI_NO : Tri.TRI_YES,
    inboundRulesProblem: reading.unreadable ?? '',
  },
});

const encryptionObservation = (encrypted: boolean): Event['observation'] => ({
  check: 'encryption', status: CollectionStatus.COLLECTED,
  encryption: { volumes: [{ name: 'C:', role: 1, encrypted: encrypted ? Tri.TRI_YES : Tri.TRI_NO, protectionOn: encrypted ? Tri.TRI_YES : Tri.TRI_NO }] },
});

/** Signatures an hour old, except the reports of 17 and 18 June, whose signatures date from 13 June (over the 72 hours allowed). */
const antivirusObservation = (at: number): Event['observation'] => {
  const stale = at >= local('2025-06-17') && at < local('2025-06-19');
  return {
    check: 'antivirus', status: CollectionStatus.COLLECTED,
    antivirus: { products: [{ name: 'Microsoft Defender', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: stale ? local('2025-06-13', '00:30') : at - HOUR }] },
  };
};

const facts = (hostname: string, platform: number): DeviceFacts => ({ hostname, platform, osName: 'sim', osVersion: '1', agentVersion: '0.1.0' });

/** Enrols one simulated device and sends its events, oldest first, in order of sequence. */
const sendDevice = async (collector: CollectorUnderTest, secret: string, deviceFacts: DeviceFacts, events: Omit<Event, 'seq'>[]): Promise<void> => {
  const credential = await SimAgent.enrol(collector.wsUrl, secret, deviceFacts);
  const { agent } = await SimAgent.session(collector.wsUrl, credential, deviceFacts);
  const numbered = events.sort((a, b) => Number(a.occurredAtMs) - Number(b.occurredAtMs)).map((event, index) => ({ ...event, seq: index + 1 }));
  for (let i = 0; i < numbered.length; i += 200) expect(await agent.sendBatch(numbered.slice(i, i + 200))).toBe(Math.min(i + 200, numbered.length));
  agent.close();
};

const firewallEvents = (readings: Reading[], windows: boolean): Omit<Event, 'seq'>[] =>
  readings.map((reading) => ({ occurredAtMs: reading.at, observation: firewallObservation(reading, windows) }));

// Summer 2025: 2 to 27 June, half-term 9 to 13 June → 15 school days. Spring 2025: 6 to 23 May after the 5 May bank holiday → 14.
const SUMMER = { name: 'Summer 2025', start: '2025-06-02', end: '2025-06-27', holiday: '2025-06-09..2025-06-13' };
const SPRING = { name: 'Spring 2025', start: '2025-05-05', end: '2025-05-23', holiday: '2025-05-05' };

/** lab-01 (Linux): on all term; SSH from the school network all term, HTTP added on 17 June at noon. */
const labReadings = (): Reading[] => [
  ...days('2025-06-01', '2025-06-27').map((d) => ({ at: local(d), on: true, rules: d >= '2025-06-18' ? [SSH, HTTP] : [SSH] })),
  { at: local('2025-06-17', '12:00'), on: true, rules: [SSH, HTTP] },
  // Spring: every third day, each report holding exactly until the next.
  ...['2025-05-06', '2025-05-09', '2025-05-12', '2025-05-15', '2025-05-18', '2025-05-21', '2025-05-24'].map((d) => ({ at: local(d), on: true, rules: [SSH] })),
];

/** office-pc (Windows): Public profile off 3 June 09:00 to 4 June 15:00 (30 school hours); all off in half-term; RDP removed 22 June 09:00. */
const officeReadings = (): Reading[] => {
  const rules = (at: number): Rule[] => (at < local('2025-06-22', '09:00') ? [RDP] : []);
  const state = (at: number): Pick<Reading, 'on' | 'profilesOff'> => {
    if (at >= local('2025-06-03', '09:00') && at < local('2025-06-04', '15:00')) return { on: true, profilesOff: ['Public'] };
    if (at >= local('2025-06-09', '10:00') && at < local('2025-06-11', '10:00')) return { on: false };
    return { on: true };
  };
  const times = [...days('2025-06-01', '2025-06-27').map((d) => local(d)),
    local('2025-06-03', '09:00'), local('2025-06-04', '15:00'), local('2025-06-09', '10:00'), local('2025-06-11', '10:00'), local('2025-06-22', '09:00')];
  const spring = ['2025-05-06', '2025-05-09', '2025-05-12', '2025-05-14', '2025-05-15', '2025-05-18', '2025-05-21', '2025-05-24']
    .map((d) => ({ at: local(d), on: d !== '2025-05-14', rules: [RDP] }));
  return [...times.map((at) => ({ at, ...state(at), rules: rules(at) })), ...spring];
};

/** lib-mac (macOS): rule list never readable; off only inside half-term (10 June noon to 11 June); silent after 20 June. */
const MAC_PROBLEM = 'socketfilterfw could not list the allowed applications (needs root)';
const macReadings = (): Reading[] => {
  const [offFrom, offTo] = [local('2025-06-10', '12:00'), local('2025-06-11')];
  const times = [...days('2025-06-01', '2025-06-20').map((d) => local(d)), offFrom];
  return times.map((at) => ({ at, on: !(at >= offFrom && at < offTo), unreadable: MAC_PROBLEM }));
};

describe('termly reports from a term of observations', () => {
  let collector: CollectorUnderTest;
  const tokens: Record<string, string> = {};
  const cli = (...args: string[]): string => runCli(COLLECTOR_BIN, [...args, '--data-dir', collector.dataDir]);

  beforeAll(async () => {
    collector = await startCollector(tempDir('term-reports'));
    const north = cli('school', 'add', '--id', 'north', '--name', 'Northfield Primary');
    const south = cli('school', 'add', '--id', 'south', '--name', 'Southgate Academy');
    for (const term of [SUMMER, SPRING]) {
      cli('term', 'set', '--all', '--name', term.name, '--start', term.start, '--end', term.end, '--holiday', term.holiday, '--by', 'trust@example.org');
    }
    tokens.governor = cli('token', 'create', '--role', 'governor', '--school', 'north', '--label', 'Chair of governors');
    tokens.southGovernor = cli('token', 'create', '--role', 'governor', '--school', 'south', '--label', 'South governor');
    tokens.manager = cli('token', 'create', '--role', 'network-manager', '--label', 'Trust network manager');
    tokens.technician = cli('token', 'create', '--role', 'technician', '--label', 'Technician');

    const misuseAt = local('2025-06-18', '10:00');
    await sendDevice(collector, north, facts('lab-01', Platform.PLATFORM_LINUX), [
      ...firewallEvents(labReadings(), false),
      ...days('2025-06-01', '2025-06-27').map((d) => ({ occurredAtMs: local(d, '00:30'), observation: encryptionObservation(true) })),
      ...days('2025-06-01', '2025-06-27').map((d) => ({ occurredAtMs: local(d, '00:30'), observation: antivirusObservation(local(d, '00:30')) })),
      { occurredAtMs: misuseAt, misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: 'pupil7', device: { vendor: 'SanDisk', label: 'HOMEWORK', bus: 'usb' } } },
      { occurredAtMs: misuseAt + 60_000, misuse: { kind: MisuseKind.FILE_WRITTEN, user: 'pupil7', file: { name: 'reports-of-pupil7.docx', sizeBytes: 2048 } } },
    ]);
    await sendDevice(collector, north, facts('office-pc', Platform.PLATFORM_WINDOWS), [
      ...firewallEvents(officeReadings(), true),
      ...days('2025-06-01', '2025-06-27').map((d) => ({ occurredAtMs: local(d, '00:30'), observation: encryptionObservation(false) })),
    ]);
    await sendDevice(collector, north, facts('lib-mac', Platform.PLATFORM_MACOS), firewallEvents(macReadings(), false));
    // Enrolled today, after the term: not counted for it.
    await SimAgent.enrol(collector.wsUrl, north, facts('spare-laptop', Platform.PLATFORM_LINUX));
    // South: one device enrolled, nothing sent.
    await SimAgent.enrol(collector.wsUrl, south, facts('south-01', Platform.PLATFORM_LINUX));
  });
  afterAll(async () => { await collector?.process.stop(); });

  // Responses are read field by field; their shapes are what is under test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const review = async (query = 'term=Summer%202025'): Promise<any> => {
    const { status, body } = await api(collector, tokens.governor ?? '', `/api/v1/reports/firewall-review?${query}`);
    expect(status).toBe(200);
    return body;
  };

  it('gives the headline figures exactly as sent, with the previous term beside them', async () => {
    const body = await review();
    expect(body.headline).toEqual({
      devicesCovered: 3, devicesReporting: 3, neverReported: 0, everOff: 1,
      onShare: 930 / 960, knownShare: 960 / (3 * 15 * 24),
    });
    expect(body.previousHeadline).toEqual({
      devicesCovered: 2, devicesReporting: 2, neverReported: 0, everOff: 1, onShare: (28 * 24 - 24) / (28 * 24), knownShare: 1,
    });
    expect(body.context.current.schoolDays).toBe(15);
    expect(body.context.previous.schoolDays).toBe(14);
    expect(body.context.current.term.source).toBe('trust');
  });

  it('counts each device only on school days: off time in half-term does not count against it', async () => {
    const { devices } = await review();
    expect(devices.map((d: { hostname: string }) => d.hostname)).toEqual(['office-pc', 'lab-01', 'lib-mac']);
    const [office, lab, mac] = devices;
    expect(office).toMatchObject({ onMs: 330 * HOUR, offMs: 30 * HOUR, notKnownMs: 0, onShare: 330 / 360 });
    expect(office.profiles).toEqual([
      { name: 'Domain', onShare: 1, offMs: 0 }, { name: 'Private', onShare: 1, offMs: 0 }, { name: 'Public', onShare: 330 / 360, offMs: 30 * HOUR },
    ]);
    expect(office.offPeriods).toEqual([
      { from: new Date(local('2025-06-03', '09:00')).toISOString(), to: new Date(local('2025-06-04', '15:00')).toISOString(), schoolMs: 30 * HOUR },
      { from: new Date(local('2025-06-09', '10:00')).toISOString(), to: new Date(local('2025-06-11', '10:00')).toISOString(), schoolMs: 0 },
    ]);
    expect(lab).toMatchObject({ onMs: 360 * HOUR, offMs: 0, onShare: 1, offPeriods: [] });
    // Silent after 20 June: held 72 hours (the school's "silent after"), then not known.
    expect(mac).toMatchObject({ onMs: 240 * HOUR, offMs: 0, notKnownMs: 120 * HOUR, onShare: 1, lastReportAt: new Date(local('2025-06-20')).toISOString() });
    expect(mac.offPeriods).toEqual([
      { from: new Date(local('2025-06-10', '12:00')).toISOString(), to: new Date(local('2025-06-11')).toISOString(), schoolMs: 0 },
    ]);
  });

  it('draws the week-by-week share, with the half-term week empty', async () => {
    const { weekly } = await review();
    expect(weekly).toEqual([
      { monday: '2025-06-02', schoolDays: 5, onShare: 330 / 360 },
      { monday: '2025-06-09', schoolDays: 0, onShare: null },
      { monday: '2025-06-16', schoolDays: 5, onShare: 1 },
      { monday: '2025-06-23', schoolDays: 5, onShare: 1 },
    ]);
  });

  it('lists every inbound exception with devices, first and last seen, and the reasons recorded (every change kept)', async () => {
    const before = await review();
    const keyOf = (port: string): string => before.exceptions.find((e: { rule: { ports: string } }) => e.rule.ports === port).rule.key;
    cli('exception', 'reason', '--school', 'north', '--rule', keyOf('22'), '--reason', 'Technicians manage lab machines', '--by', 'tech@northfield.sch.uk');
    cli('exception', 'reason', '--school', 'north', '--rule', keyOf('22'), '--reason', 'Technicians manage lab machines over SSH from the staff VLAN only', '--by', 'nm@trust.org.uk');
    const posted = await api(collector, tokens.manager ?? '', `/api/v1/firewall-exceptions/${keyOf('3389')}/reason`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ school: 'north', reason: 'Remote support for the school office' }),
    });
    expect(posted.status).toBe(201);

    const { exceptions } = await review();
    const byPort = Object.fromEntries(exceptions.map((e: { rule: { ports: string } }) => [e.rule.ports, e]));
    expect(Object.keys(byPort).sort()).toEqual(['22', '3389', '80']);
    expect(byPort['22']).toMatchObject({
      devices: 1, firstSeen: new Date(local('2025-06-02')).toISOString(), lastSeen: new Date(local('2025-06-27')).toISOString(),
      reason: { text: 'Technicians manage lab machines over SSH from the staff VLAN only', by: 'nm@trust.org.uk', changes: 2 },
      // Recorded today, not during the term under review.
      reviewedThisTerm: false,
    });
    expect(byPort['3389']).toMatchObject({
      devices: 1, firstSeen: new Date(local('2025-06-02')).toISOString(), lastSeen: new Date(local('2025-06-22')).toISOString(),
      reason: { text: 'Remote support for the school office', by: 'Trust network manager (network-manager)', changes: 1 },
    });
    expect(byPort['80']).toMatchObject({ devices: 1, firstSeen: new Date(local('2025-06-17', '12:00')).toISOString(), reason: null });
    // The rule without a reason comes first.
    expect(exceptions[0].rule.ports).toBe('80');
  });

  it('lists the device whose rule list could not be read as such, and the changes during the term', async () => {
    const body = await review();
    expect(body.unreadable).toEqual([{
      deviceId: expect.any(String), hostname: 'lib-mac', problem: MAC_PROBLEM,
      since: new Date(local('2025-06-02')).toISOString(), readEarlierInTerm: false,
    }]);
    expect(body.ruleChanges.map((c: { change: string; rule: { ports: string }; devices: number; firstAt: string }) => [c.change, c.rule.ports, c.devices, c.firstAt])).toEqual([
      ['appeared', '80', 1, new Date(local('2025-06-17', '12:00')).toISOString()],
      ['disappeared', '3389', 1, new Date(local('2025-06-22', '09:00')).toISOString()],
    ]);
  });

  it('gives the evidence pack of all five controls, removable media as counts only', async () => {
    const { status, body } = await api<{ controls: { info: { check: string }; status: string; current: { headline: number | null; devicesFallingShort: number; shortAtEnd: { hostname: string }[] } }[] }>(
      collector, tokens.governor ?? '', '/api/v1/reports/evidence-pack?term=Summer%202025');
    expect(status).toBe(200);
    const byCheck = Object.fromEntries(body.controls.map((c) => [c.info.check, c]));
    expect(Object.keys(byCheck)).toEqual(['firewall', 'encryption', 'antivirus', 'password-policy', 'removable-media']);
    expect(byCheck.firewall?.current.headline).toBe(930 / 960);
    expect(byCheck.encryption?.current).toMatchObject({ headline: 0.5, devicesFallingShort: 1, shortAtEnd: [{ hostname: 'office-pc' }] });
    // lab-01 alone reported anti-virus: 17, 18 and 19 June each had stale signatures for part of the day → 12 of 15 days.
    expect(byCheck.antivirus).toMatchObject({ status: 'attention', current: { headline: 12 / 15, devicesCovered: 1, devicesFallingShort: 1 } });
    expect(byCheck['password-policy']).toMatchObject({ status: 'no data', current: { headline: null } });
    expect(byCheck['removable-media']).toMatchObject({ status: 'attention', current: { headline: 1, devicesFallingShort: 1 } });
    expect(JSON.stringify(body)).not.toContain('pupil7');
  });

  it('says plainly when a term has no data, instead of printing zeros', async () => {
    const { status, body } = await api<{ hasData: boolean; headline: { devicesCovered: number; onShare: number | null } }>(
      collector, tokens.southGovernor ?? '', '/api/v1/reports/firewall-review?term=current');
    expect(status).toBe(200);
    expect(body.hasData).toBe(false);
    expect(body.headline.onShare).toBeNull();
    const html = await fetch(`${collector.httpUrl}/api/v1/reports/firewall-review?term=Summer%202025&format=html`, { headers: { authorization: `Bearer ${tokens.southGovernor}` } });
    expect(await html.text()).toContain('No device of this school sent a firewall report during Summer 2025');
  });

  it('shows each school only its own reports, and reports only to governors, network managers and admins', async () => {
    expect((await api(collector, tokens.southGovernor ?? '', '/api/v1/reports/firewall-review?school=north')).status).toBe(404);
    expect((await api(collector, tokens.technician ?? '', '/api/v1/reports/firewall-review?school=north')).status).toBe(403);
    expect((await api(collector, tokens.governor ?? '', '/api/v1/reports/firewall-review?term=Winter%201999')).body).toMatchObject({ error: { code: 'TERM_UNKNOWN' } });
  });

  it('keeps the calendar through the API: the trust\'s terms inherited, a school\'s own term replacing one, holidays checked', async () => {
    const put = (token: string, body: object) => api<{ error?: { code: string }; term?: { name: string; schoolId: string | null } }>(collector, token, '/api/v1/terms', {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    expect((await put(tokens.governor ?? '', { school: 'north', name: 'Autumn 2025', start: '2025-09-03', end: '2025-12-19' })).status).toBe(403);
    const bad = await put(tokens.manager ?? '', { school: 'north', name: 'Autumn 2025', start: '2025-09-03', end: '2025-12-19', holidays: ['2026-01-02'] });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'TERM_INVALID' } } });
    const good = await put(tokens.manager ?? '', { school: 'north', name: 'Autumn 2025', start: '2025-09-03', end: '2025-12-19', holidays: ['2025-10-27..2025-10-31'] });
    expect(good).toMatchObject({ status: 200, body: { term: { name: 'Autumn 2025', schoolId: 'north' } } });
    const { body } = await api<{ terms: { name: string; source: string }[] }>(collector, tokens.governor ?? '', '/api/v1/terms');
    expect(body.terms.map((t) => [t.name, t.source])).toEqual([['Spring 2025', 'trust'], ['Summer 2025', 'trust'], ['Autumn 2025', 'school']]);
    const south = await api<{ terms: { name: string }[] }>(collector, tokens.southGovernor ?? '', '/api/v1/terms');
    expect(south.body.terms.map((t) => t.name)).toEqual(['Spring 2025', 'Summer 2025']);
  });

  it('writes PDF, HTML and CSV from the command line; the PDF pages are rendered to PNG for people to look at', () => {
    rmSync(ARTEFACTS, { recursive: true, force: true });
    mkdirSync(ARTEFACTS, { recursive: true });
    for (const kind of ['firewall-review', 'evidence-pack']) {
      const pdf = path.join(ARTEFACTS, `${kind}.pdf`);
      expect(cli('report', kind, '--school', 'north', '--term', 'Summer 2025', '--out', pdf)).toContain(pdf);
      execFileSync('/usr/bin/pdftoppm', ['-r', '80', '-png', pdf, path.join(ARTEFACTS, kind)]);
      const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).not.toContain('pupil7');
      if (kind === 'firewall-review') {
        expect(text).toContain('96.8%'); // 930 / 960, never rounded up
        expect(text).toContain('Spring 2025');
        expect(text).toContain('Technicians manage lab');
      }
      cli('report', kind, '--school', 'north', '--term', 'Summer 2025', '--out', path.join(ARTEFACTS, `${kind}.html`));
    }
    const csv = path.join(ARTEFACTS, 'exceptions.csv');
    cli('report', 'firewall-review', '--school', 'north', '--term', 'Summer 2025', '--format', 'csv', '--table', 'exceptions', '--out', csv);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('Key,What it lets in,Devices,First / last seen,Reason (who and when),Flag');
    const pages = readdirSync(ARTEFACTS).filter((name) => name.endsWith('.png'));
    expect(pages.filter((name) => name.startsWith('firewall-review')).length).toBeGreaterThanOrEqual(4);
    expect(pages.filter((name) => name.startsWith('evidence-pack')).length).toBe(6);
    process.stdout.write(`Report pages rendered for review: ${ARTEFACTS}\n`);
  });
});
