// The firewall review's words for cases the end-to-end term does not reach: a previous term whose
// observations retention has deleted, and a device with more off periods than a row can hold.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reports/html.ts';
import { firewallReviewDocument } from '../../src/reports/firewall-document.ts';
import { buildFirewallReview } from '../../src/reports/firewall-review.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { setTerm } from '../../src/terms/terms.ts';
import { addSchoolWithDevice } from '../helpers/store-rows.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const HOUR = 3_600_000;
const temp = makeTempDir();
let store: Store;
let html: string;

beforeAll(async () => {
  store = openSqliteStore(join(temp.dir, 'collector.sqlite'));
  const deviceId = await addSchoolWithDevice(store, 'north');
  await setTerm(store, 'north', { name: 'Spring 2026', start: '2026-01-05', end: '2026-01-30', holidays: [] }, 'test', 0);
  await setTerm(store, 'north', { name: 'Summer 2026', start: '2026-06-01', end: '2026-06-12', holidays: [] }, 'test', 0);
  // Every hour of the two weeks; off for an hour at 10:00 each school day (ten periods) and 14:00 on two days.
  const from = Date.parse('2026-05-31T23:00:00Z');
  let seq = 0;
  for (let at = from; at < from + 14 * 24 * HOUR; at += HOUR) {
    const local = new Date(at + HOUR);
    const weekday = local.getUTCDay() >= 1 && local.getUTCDay() <= 5;
    const off = weekday && (local.getUTCHours() === 10 || (local.getUTCHours() === 14 && local.getUTCDate() <= 2));
    seq += 1;
    await store.insertEvent({
      deviceId, seq, occurredAt: at, receivedAt: at, kind: 'observation', checkName: 'firewall',
      payload: { check: 'firewall', status: 'COLLECTED', firewall: { enabled: off ? 'TRI_NO' : 'TRI_YES', inboundRulesListed: 'TRI_YES' } },
    });
  }
  html = renderHtml(firewallReviewDocument(await buildFirewallReview(store, 'north', 'Summer 2026', Date.parse('2026-07-01T00:00:00Z'))));
});
afterAll(async () => {
  await store.close();
  temp.remove();
});

describe('the firewall review document', () => {
  it('says how little the previous term\'s column rests on when its observations are gone', () => {
    expect(html).toContain('The Spring 2026 column rests on 0.0% of that term\'s school time');
    expect(html).toContain('keeps device observations for 90 days');
  });

  it('lists the ten longest off periods of a device and counts the rest', () => {
    expect(html).toContain('and 2 shorter periods (all in the JSON API)');
    expect(html.match(/1 h, 1 h in school time/g)).toHaveLength(10);
  });
});
