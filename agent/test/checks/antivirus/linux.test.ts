import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { check } from '../../../src/checks/antivirus/linux.ts';
import { liveProvider } from '../../../src/checks/live-provider.ts';
import { runCheck } from '../../../src/checks/runner.ts';
import { absent, collectedFrom, linuxFixture, onlyThese, ran } from '../collected-from.ts';

const context = { removableMountRoots: [] };
const FIRST_ROUND = ['linux.clamav-daily-cvd', 'linux.clamav-daily-cld', 'linux.clamav-main-cvd', 'linux.clamav-main-cld', 'linux.clamscan-version', 'linux.clamd-version'];
const DAILY_HEADER = linuxFixture('clamav-cvd-header.daily-25784.txt').padEnd(512, ' ');
// A main.cvd header in the same form (derived here from the daily one: older build, version 61).
const MAIN_HEADER = DAILY_HEADER.replace('16 Apr 2020 07-58 -0400', '16 Sep 2019 08-32 -0400').replace(':25784:', ':61:');
const BANNER = linuxFixture('clamscan-version.1.txt');
const units = (text: string, exitCode = 0) => ran(text, { exitCode });

const MDATP = 'linux.mdatp-health';
// Defender not installed unless a test gives its output.
const interpret = (present: Parameters<typeof onlyThese>[1]) =>
  check.interpret(onlyThese([...FIRST_ROUND, MDATP, 'linux.clamav-units'], present), context);

describe('linux antivirus (ClamAV)', () => {
  it('asks for systemd unit states only once ClamAV was seen', () => {
    const ids = (collected: Parameters<typeof check.sources>[0]) => check.sources(collected, context).map((spec) => spec.id);
    expect(ids(new Map())).toEqual([...FIRST_ROUND, MDATP]);
    expect(ids(onlyThese(FIRST_ROUND, {}))).toEqual([...FIRST_ROUND, MDATP]);
    expect(ids(onlyThese(FIRST_ROUND, { 'linux.clamscan-version': ran(BANNER) }))).toContain('linux.clamav-units');
  });

  it('reports no products when nothing of ClamAV is on the device (collected, not an error)', () => {
    expect(check.interpret(onlyThese([...FIRST_ROUND, MDATP], {}), context)).toEqual({ status: CollectionStatus.COLLECTED, antivirus: { products: [] } });
  });

  it('on: daemon and on-access scanner active, signatures from the newest header', () => {
    const finding = interpret({
      'linux.clamav-daily-cld': ran(DAILY_HEADER),
      'linux.clamav-main-cvd': ran(MAIN_HEADER),
      'linux.clamscan-version': ran(BANNER),
      'linux.clamav-units': units('active\nactive\nactive\n'),
    });
    expect(finding).toEqual({
      status: CollectionStatus.COLLECTED,
      antivirus: { products: [{
        name: 'ClamAV', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES,
        signaturesUpdatedAtMs: Date.UTC(2020, 3, 16, 11, 58), signatureVersion: '25784',
        reportsUpToDate: Tri.TRI_UNKNOWN, engineVersion: '0.101.3',
      }] },
    });
  });

  it('partly: daemon active, no on-access scanning (is-active exits 3)', () => {
    const product = interpret({
      'linux.clamav-daily-cvd': ran(DAILY_HEADER),
      'linux.clamd-version': ran(BANNER),
      'linux.clamav-units': units('active\nactive\ninactive\n', 3),
    }).antivirus?.products?.[0];
    expect(product).toMatchObject({ enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_NO, engineVersion: '0.101.3' });
  });

  it('off: only the command-line scanner, daemon stopped; version from the banner when no header is readable', () => {
    const product = interpret({
      'linux.clamscan-version': ran(BANNER),
      'linux.clamav-units': units('inactive\nfailed\ninactive\n', 3),
    }).antivirus?.products?.[0];
    expect(product).toMatchObject({ enabled: Tri.TRI_NO, realtimeProtection: Tri.TRI_NO, signatureVersion: '25533', signaturesUpdatedAtMs: 0 });
  });

  it('states are unknown where systemd does not run (stderr captured on the development machine)', () => {
    const product = interpret({
      'linux.clamav-daily-cvd': ran(DAILY_HEADER),
      'linux.clamav-units': ran('', { exitCode: 1, stderr: 'System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n' }),
    }).antivirus?.products?.[0];
    expect(product).toMatchObject({ enabled: Tri.TRI_UNKNOWN, realtimeProtection: Tri.TRI_UNKNOWN, engineVersion: '', signatureVersion: '25784' });
  });

  it.each([
    ['a truncated daily header', { 'linux.clamav-daily-cvd': ran(DAILY_HEADER.slice(0, 40)) }, 'OUTPUT_MALFORMED'],
    ['a garbled main header', { 'linux.clamav-daily-cvd': ran(DAILY_HEADER), 'linux.clamav-main-cld': ran('\x00'.repeat(512)) }, 'OUTPUT_MALFORMED'],
    ['an unreadable database', { 'linux.clamav-daily-cvd': { ...absent(), errorCode: 'PERMISSION_DENIED' as const } }, 'PERMISSION_DENIED'],
    ['an unrecognised banner', { 'linux.clamscan-version': ran('clamscan: unknown option\n') }, 'OUTPUT_UNRECOGNISED'],
    ['unreadable unit states', { 'linux.clamscan-version': ran(BANNER), 'linux.clamav-units': units('yes\nno\nmaybe\n', 3) }, 'OUTPUT_UNRECOGNISED'],
  ])('could not collect on %s', (_what, present, code) => {
    expect(interpret(present)).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
  });

  it('a bundle without the database sources is not read as "no ClamAV"', () => {
    expect(check.interpret(collectedFrom({ 'linux.clamscan-version': absent() }), context))
      .toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'SOURCE_NOT_CAPTURED' });
  });

  describe('with Microsoft Defender for Endpoint (`mdatp health`)', () => {
    const READ_AT = Date.UTC(2026, 10, 23, 8, 0);
    const MDATP_OUTPUT = linuxFixture('mdatp-health.1-doc-fanotify.txt');
    const mdatp = ran(MDATP_OUTPUT, { collectedAtMs: READ_AT });
    const clamav = { 'linux.clamav-daily-cvd': ran(DAILY_HEADER), 'linux.clamscan-version': ran(BANNER), 'linux.clamav-units': units('active\nactive\nactive\n') };

    it('reads /usr/bin/mdatp health whether or not ClamAV is there', () => {
      const mdatpSpec = expect.objectContaining({ id: MDATP, file: '/usr/bin/mdatp', args: ['health', '--output', 'json'] });
      expect(check.sources(new Map(), context)).toContainEqual(mdatpSpec);
      expect(check.sources(onlyThese(FIRST_ROUND, { 'linux.clamscan-version': ran(BANNER) }), context)).toContainEqual(mdatpSpec);
    });

    it('reports ClamAV and Defender together, Defender dated from minutes-ago and the time of the read', () => {
      const finding = interpret({ ...clamav, [MDATP]: mdatp });
      expect(finding.status).toBe(CollectionStatus.COLLECTED);
      expect(finding.antivirus?.products).toEqual([
        expect.objectContaining({ name: 'ClamAV', signatureVersion: '25784' }),
        { name: 'Microsoft Defender for Endpoint', enabled: Tri.TRI_YES, realtimeProtection: Tri.TRI_YES, signaturesUpdatedAtMs: READ_AT - 159 * 60_000,
          signatureVersion: '1.395.227.0', reportsUpToDate: Tri.TRI_YES, engineVersion: '1.1.23070.1002' },
      ]);
    });

    it('Defender alone, not yet licensed: reported as off, facts it lacks unknown', () => {
      expect(interpret({ [MDATP]: ran(linuxFixture('mdatp-health.2-unlicensed.txt'), { collectedAtMs: READ_AT }) }).antivirus?.products).toEqual([expect.objectContaining({
        name: 'Microsoft Defender for Endpoint', enabled: Tri.TRI_NO, realtimeProtection: Tri.TRI_UNKNOWN, signaturesUpdatedAtMs: 0, reportsUpToDate: Tri.TRI_UNKNOWN,
      })]);
    });

    it('reads the JSON form the agent now asks for: passive mode is not protection', () => {
      const json = ran(linuxFixture('mdatp-health-json.2-101.23062-passive.json'), { collectedAtMs: READ_AT });
      expect(interpret({ ...clamav, [MDATP]: json }).antivirus?.products?.[1]).toEqual({
        name: 'Microsoft Defender for Endpoint', enabled: Tri.TRI_NO, realtimeProtection: Tri.TRI_NO, signaturesUpdatedAtMs: 1691587153787,
        signatureVersion: '1.395.30.0', reportsUpToDate: Tri.TRI_YES, engineVersion: '1.1.23070.1002',
      });
    });

    it('without the time of the read (an older bundle), the update time is 0, not "now"', () => {
      expect(interpret({ [MDATP]: ran(MDATP_OUTPUT) }).antivirus?.products?.[0]).toMatchObject({ signaturesUpdatedAtMs: 0, signatureVersion: '1.395.227.0' });
    });

    it.each([
      ['truncated (no healthy line)', ran(MDATP_OUTPUT.replace(/^healthy .*\n/m, '')), 'OUTPUT_TRUNCATED'],
      ['unreadable', { ...absent(), errorCode: 'PERMISSION_DENIED' as const, errorDetail: '/usr/bin/mdatp: permission denied' }, 'PERMISSION_DENIED'],
    ])('Defender installed but %s beside a readable ClamAV: could not collect, naming mdatp', (_name, damaged, code) => {
      const finding = interpret({ ...clamav, [MDATP]: damaged });
      expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: code });
      expect(finding.reason).toMatch(/mdatp health.*ClamAV was read, but a product list without Microsoft Defender for Endpoint would be incomplete/s);
    });

    it('both unreadable: ClamAV\'s code, both reasons', () => {
      const finding = interpret({ 'linux.clamav-daily-cvd': ran(DAILY_HEADER.slice(0, 40)), [MDATP]: ran('') });
      expect(finding).toMatchObject({ status: CollectionStatus.COULD_NOT_COLLECT, reasonCode: 'OUTPUT_MALFORMED' });
      expect(finding.reason).toMatch(/daily\.cvd.*Microsoft Defender for Endpoint \(`mdatp health`\) could not be read/s);
    });
  });

  it.runIf(process.platform === 'linux')('live: reports ClamAV exactly when its signature databases are on this machine (Linux only)', async () => {
    // Read the machine first: the laptops this runs on may well have ClamAV.
    const hasClamav = ['daily.cvd', 'daily.cld'].some((name) => existsSync(`/var/lib/clamav/${name}`));
    const { observation } = await runCheck(check, liveProvider, context);
    expect(observation).toMatchObject({ check: 'antivirus' });
    const names = (observation.antivirus?.products ?? []).map((product) => product.name ?? '');
    expect(names.some((name) => /clamav/i.test(name))).toBe(hasClamav);
    expect(observation.sourceIds).toEqual(expect.arrayContaining([...FIRST_ROUND]));
  });
});
