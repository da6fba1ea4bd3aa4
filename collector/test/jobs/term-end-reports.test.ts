// The term-end job: once a term has ended, each school's reports are written to the data folder once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@invigilator/shared/logger.ts';
import { createTermEndReportsJob, MANIFEST_FILE } from '../../src/jobs/term-end-reports.ts';
import { composeNotification } from '../../src/notify/compose.ts';
import { addChannel } from '../../src/notify/setup.ts';
import { addPerson } from '../../src/people/people.ts';
import { addSchool } from '../../src/schools.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { setTerm } from '../../src/terms/terms.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// A Monday morning, three days after the school's summer term ended.
const NOW = Date.parse('2026-07-20T06:15:00Z');

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
let job: ReturnType<typeof createTermEndReportsJob>;

beforeEach(async () => {
  temp = makeTempDir();
  store = openSqliteStore(join(temp.dir, 'collector.sqlite'));
  await addSchool(store, { id: 'north', name: 'Northfield Primary' }, NOW);
  await setTerm(store, 'north', { name: 'Summer 2026', start: '2026-04-13', end: '2026-07-17', holidays: [] }, 'test', NOW);
  await setTerm(store, 'north', { name: 'Spring 2026', start: '2026-01-05', end: '2026-03-27', holidays: [] }, 'test', NOW);
  job = createTermEndReportsJob(store, createLogger({ name: 'test', level: 'silent' }), join(temp.dir, 'reports'));
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

describe('term-end reports', () => {
  it('writes both reports in every format for the term that just ended, then a manifest', async () => {
    const made = await job.runOnce(NOW);
    const folder = join(temp.dir, 'reports', 'north', 'Summer-2026');
    expect(made).toEqual([folder]);
    expect(readdirSync(folder).sort()).toEqual([
      'evidence-pack-summary.csv', 'evidence-pack.html', 'evidence-pack.pdf',
      'firewall-review-devices.csv', 'firewall-review-exceptions.csv', 'firewall-review.html', 'firewall-review.pdf', MANIFEST_FILE,
    ]);
    expect(readFileSync(join(folder, 'firewall-review.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(folder, 'firewall-review.html'), 'utf8')).toContain('No device of this school sent a firewall report during Summer 2026');
    // The spring term ended months ago: not this job's to make.
    expect(existsSync(join(temp.dir, 'reports', 'north', 'Spring-2026'))).toBe(false);
  });

  it('makes each term\'s reports once', async () => {
    await job.runOnce(NOW);
    expect(await job.runOnce(NOW + 86_400_000)).toEqual([]);
  });

  it('tells the school\'s governors and network managers by email, with links, and nobody else', async () => {
    await addChannel(store, { schoolId: 'north', kind: 'email', url: 'smtp://relay.north.sch.uk:587', from: 'invigilator@north.sch.uk' }, NOW);
    const person = (email: string, role: string, allSchools = false) => addPerson(store, { email, name: email, roles: [role], schools: allSchools ? [] : ['north'], allSchools }, NOW);
    await person('chair@north.sch.uk', 'governor');
    await person('nm@trust.org.uk', 'network-manager', true);
    await person('tech@north.sch.uk', 'technician');
    await person('dsl@north.sch.uk', 'dsl');
    await job.runOnce(NOW);
    const sent = (await store.listNotifications({ limit: 100 })).filter((n) => n.reason === 'reports-ready');
    expect(sent.map((n) => [n.recipient, n.about]).sort()).toEqual([['chair@north.sch.uk', 'Summer 2026'], ['nm@trust.org.uk', 'Summer 2026']]);
    // What it says is composed when it is sent, with the links of the collector's public address.
    const composed = await composeNotification(store, sent[0]!, (await store.getChannel(sent[0]!.channelId))!, NOW, 'https://invigilator.trust.org.uk/');
    if (!('message' in composed)) throw new Error(composed.refused);
    expect(composed.message.subject).toBe('Termly reports for Summer 2026 at Northfield Primary are ready');
    expect(composed.message.happened).toContain('https://invigilator.trust.org.uk/api/v1/reports/firewall-review?school=north&term=Summer%202026&format=pdf');
    // Made once, told once.
    await job.runOnce(NOW + 86_400_000);
    expect((await store.listNotifications({ limit: 100 })).filter((n) => n.reason === 'reports-ready')).toHaveLength(2);
  });

  it('waits until the term has ended', async () => {
    expect(await job.runOnce(Date.parse('2026-07-17T12:00:00Z'))).toEqual([]);
  });
});
