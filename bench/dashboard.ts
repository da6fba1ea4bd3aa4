// The dashboard at a trust's size: 5,000 devices across 20 schools, each with six verdicts, eight weeks of
// verdict changes and the alerts they raised, written straight into the collector's SQLite file; then the
// device list and the overview asked for over HTTP from the collector process. Printed, never asserted.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { CHECK_NAMES } from '@invigilator/shared/checks.ts';
import { DATABASE_FILE, openDataDir } from '../collector/src/main.ts';
import type { StoredVerdict, VerdictStatus } from '../collector/src/store/types.ts';
import { COLLECTOR_BIN, runCli, startCollector, tempDir } from '../test/support/processes.ts';

const SCHOOLS = Number(process.env.BENCH_DASHBOARD_SCHOOLS ?? 20);
const DEVICES = Number(process.env.BENCH_DASHBOARD_DEVICES ?? 5000);
const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 50);
const DAY = 86_400_000;
const PLATFORMS = ['PLATFORM_WINDOWS', 'PLATFORM_MACOS', 'PLATFORM_LINUX', 'PLATFORM_CHROMEOS'];

/** Writes the trust into the data folder's database the way the collector would have stored it. */
const seed = async (dataDir: string, now: number): Promise<void> => {
  const store = openDataDir(dataDir);
  try {
    await store.transaction(async (tx) => {
      for (let s = 0; s < SCHOOLS; s += 1) {
        await tx.createSchool({ id: `school-${s}`, name: `School ${s}`, enrolmentSecretHash: 'x', createdAt: now - 90 * DAY });
      }
      for (let d = 0; d < DEVICES; d += 1) {
        const id = randomUUID();
        const schoolId = `school-${d % SCHOOLS}`;
        const hostname = `S${d % SCHOOLS}-LAPTOP-${String(d).padStart(5, '0')}`;
        const silent = d % 50 === 0;
        await tx.createDevice({
          id, schoolId, hostname, credentialHash: 'x', enrolledAt: now - (60 + (d % 30)) * DAY, revokedAt: null,
          lastSeenAt: silent ? now - 10 * DAY : now - (d % 600) * 60_000,
          facts: { hostname, platform: PLATFORMS[d % PLATFORMS.length], osName: 'Windows 11 Pro', osVersion: '23H2', agentVersion: '0.1.0' },
        });
        for (const [index, check] of CHECK_NAMES.entries()) {
          // One device in seven fails one check; its failure began some weeks ago and was passing before.
          const failing = (d + index) % 7 === 0 && index === d % CHECK_NAMES.length;
          const status: VerdictStatus = failing ? 'fail' : 'pass';
          const since = now - ((d % 8) * 7 + 1) * DAY;
          const verdict: StoredVerdict = {
            deviceId: id, check, status, reasonCode: failing ? 'FIREWALL_OFF' : 'OK', reason: 'bench', clauseId: check, clauseText: 'bench',
            since, evaluatedAt: now - 3_600_000, seq: index + 1,
          };
          await tx.putVerdict(verdict);
          await tx.recordVerdictChange({ deviceId: id, check, fromStatus: null, toStatus: 'pass', reasonCode: 'OK', reason: 'bench', clauseId: check, changedAt: now - 59 * DAY, seq: 1 });
          if (failing) {
            await tx.recordVerdictChange({ deviceId: id, check, fromStatus: 'pass', toStatus: 'fail', reasonCode: 'FIREWALL_OFF', reason: 'bench', clauseId: check, changedAt: since, seq: 2 });
            await tx.insertAlert({
              id: randomUUID(), schoolId, deviceId: id, category: 'posture', severity: 'critical', severityRank: 3, dedupKey: `posture:${id}:${check}`,
              status: 'open', title: `${check} fails on ${hostname}`, summary: 'bench', check, clauseId: check, clauseText: 'bench', detail: { deviceId: id, hostname },
              occurrences: 1, openedAt: since, lastSeenAt: since, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null,
              escalatedAt: null, firstEvent: null, lastEvent: null,
            });
          }
        }
        if (silent) {
          await tx.insertAlert({
            id: randomUUID(), schoolId, deviceId: id, category: 'availability', severity: 'warning', severityRank: 2, dedupKey: `availability:${id}:silent`,
            status: 'open', title: `${hostname} not seen`, summary: 'bench', check: null, clauseId: 'monitoring', clauseText: 'bench', detail: { deviceId: id, hostname },
            occurrences: 1, openedAt: now - 7 * DAY, lastSeenAt: now - 7 * DAY, acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null,
            escalatedAt: null, firstEvent: null, lastEvent: null,
          });
        }
      }
    });
  } finally {
    await store.close();
  }
};

/** What a browser asks for: the answer compressed, its time including the compressing. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

const timed = async (url: string, token: string): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': BROWSER_ENCODINGS } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
};

/** Bytes on the wire for one answer, as sent (fetch would inflate it before we could count). */
const wireBytes = (url: string, token: string, encodings: string): Promise<number> => new Promise((resolve, reject) => {
  http.get(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': encodings } }, (response) => {
    let bytes = 0;
    response.on('data', (chunk: Buffer) => { bytes += chunk.length; });
    response.on('end', () => resolve(bytes));
    response.on('error', reject);
  }).on('error', reject);
});

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const dashboardLatency = async (print: (line: string) => void, percentile: (sorted: number[], p: number) => number): Promise<void> => {
  const dataDir = tempDir('bench-dashboard');
  const started = performance.now();
  await seed(dataDir, Date.now());
  print(`  seeded ${DEVICES.toLocaleString('en-GB')} devices across ${SCHOOLS} schools (6 verdicts each, 8 weeks of changes) in ${((performance.now() - started) / 1000).toFixed(1)} s (${path.join(dataDir, DATABASE_FILE)})`);
  const collector = await startCollector(dataDir);
  try {
    const token = runCli(COLLECTOR_BIN, ['token', 'create', '--service', '--role', 'admin', '--label', 'bench', '--data-dir', dataDir]);
    const cases: Array<[string, string]> = [
      ['device list, first page of 100 by host name', '/api/v1/devices?limit=100'],
      ['device list, host name search', '/api/v1/devices?q=LAPTOP-012&limit=100'],
      ['device list, failing firewall, one school, worst first', '/api/v1/devices?failing=firewall&school=school-6&sort=failing'],
      ['device list, silent, by last seen', '/api/v1/devices?silent=true&sort=lastSeen'],
      ['device list, Windows, page 10 by cursor', ''],
      ['overview, 20 schools, 8-week trend', '/api/v1/overview'],
      ['overview, one school', '/api/v1/overview?school=school-7'],
    ];
    // A cursor ten pages in: what "next" costs deep in the list.
    let cursor = '';
    for (let page = 0; page < 10; page += 1) {
      const response = await fetch(`${collector.httpUrl}/api/v1/devices?platform=windows&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
      cursor = String(((await response.json()) as { nextCursor: string }).nextCursor);
    }
    cases[4]![1] = `/api/v1/devices?platform=windows&limit=100&cursor=${cursor}`;
    for (const [name, route] of cases) {
      await timed(`${collector.httpUrl}${route}`, token); // warm
      const answer = await (await fetch(`${collector.httpUrl}${route}`, { headers: { authorization: `Bearer ${token}` } })).json() as { devices?: unknown[] };
      // An empty page is answered in no time and would flatter the figure: the seed must give each case rows.
      if (answer.devices?.length === 0) throw new Error(`The bench's seed gives no devices for ${route}`);
      const times = await timed(`${collector.httpUrl}${route}`, token);
      const [plain, sent] = await Promise.all([wireBytes(`${collector.httpUrl}${route}`, token, 'identity'), wireBytes(`${collector.httpUrl}${route}`, token, BROWSER_ENCODINGS)]);
      print(`  ${name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${REQUESTS}; ${kilobytes(sent)} sent (${kilobytes(plain)} uncompressed)`);
    }
  } finally {
    await collector.process.stop();
  }
};
