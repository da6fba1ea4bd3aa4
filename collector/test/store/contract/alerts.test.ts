// Alert storage on each engine (the lifecycle decides, see alerts/lifecycle.test.ts): one unresolved alert
// per dedup key whatever the interleaving, compare-and-set updates, ordered lists and their cursors.
import { expect, it } from 'vitest';
import type { AlertRow } from '../../../src/store/types.ts';
import { describeEachEngine } from './engines.ts';

const row = (id: string, fields: Partial<AlertRow> = {}): AlertRow => ({
  id, schoolId: 'north', deviceId: 'north-dev', category: 'posture', severity: 'warning', severityRank: 2,
  dedupKey: 'posture:north-dev:firewall', status: 'open', title: 'Firewall off', summary: 's', check: 'firewall',
  clauseId: 'fw-1', clauseText: 'Firewalls on.', detail: { at: 1 }, occurrences: 1, openedAt: 100, lastSeenAt: 100,
  acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, escalatedAt: null,
  firstEvent: { at: 100, summary: 's', detail: {} }, lastEvent: null, ...fields,
});

describeEachEngine('alert storage', ['north', 'south'], (engine) => {
  const store = () => engine.store();

  it('keeps one unresolved alert per dedup key, even when two writers race', async () => {
    const results = await Promise.all([store().insertAlert(row('a')), store().insertAlert(row('b'))]);
    expect(results.sort()).toEqual([false, true]);
    const live = await store().findUnresolvedAlert('north', 'posture:north-dev:firewall');
    expect(live?.firstEvent).toEqual({ at: 100, summary: 's', detail: {} });
    expect(live).toEqual(row(live!.id));
    // A resolved one does not block the next.
    await store().updateAlert(live!.id, 'unresolved', { status: 'resolved', resolvedAt: 5 });
    expect(await store().findUnresolvedAlert('north', 'posture:north-dev:firewall')).toBeUndefined();
    expect(await store().insertAlert(row('c', { openedAt: 200 }))).toBe(true);
    expect((await store().findLatestAlert('north', 'posture:north-dev:firewall'))?.id).toBe('c');
    // Another school's alert of the same key is its own.
    expect(await store().insertAlert(row('d', { schoolId: 'south', deviceId: 'south-dev' }))).toBe(true);
  });

  it('refuses a second unresolved alert of a key while the first one\'s transaction is still open, once it commits', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const first = store().transaction(async (tx) => {
      expect(await tx.insertAlert(row('first'))).toBe(true);
      await held;
    });
    const other = await engine.openAnother();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = engine.name === 'postgres' ? other.insertAlert(row('second')) : undefined;
    release();
    await first;
    expect(await (second ?? other.insertAlert(row('second')))).toBe(false);
    expect((await store().listAlerts({ categories: ['posture'], limit: 10 })).map((a) => a.id)).toEqual(['first']);
  });

  it('updates only when the status is still the one expected (compare and set)', async () => {
    await store().insertAlert(row('a'));
    expect(await store().updateAlert('a', 'acknowledged', { status: 'resolved' })).toBe(false);
    expect(await store().updateAlert('a', 'open', { status: 'acknowledged', acknowledgedBy: 'x', acknowledgedAt: 3 })).toBe(true);
    expect(await store().updateAlert('a', 'open', { status: 'acknowledged', acknowledgedBy: 'y' })).toBe(false);
    expect(await store().updateAlert('a', 'unresolved', { occurrences: 4, lastEvent: { at: 9, summary: 'again', detail: { n: 1 } }, detail: { at: 9 } })).toBe(true);
    expect(await store().updateAlert('a', 'unresolved', {})).toBe(false);
    expect(await store().getAlert('a')).toEqual(row('a', {
      status: 'acknowledged', acknowledgedBy: 'x', acknowledgedAt: 3, occurrences: 4, lastEvent: { at: 9, summary: 'again', detail: { n: 1 } }, detail: { at: 9 },
    }));
  });

  it('lists by severity, then newest activity, pages by cursor and filters by device, severity, category, status and school', async () => {
    await store().insertAlert(row('w-old', { dedupKey: 'k1', lastSeenAt: 100 }));
    await store().insertAlert(row('w-new', { dedupKey: 'k2', lastSeenAt: 300 }));
    await store().insertAlert(row('crit', { dedupKey: 'k3', severity: 'critical', severityRank: 3, lastSeenAt: 50, deviceId: 'south-dev', schoolId: 'south' }));
    await store().insertAlert(row('misuse', { dedupKey: 'k4', category: 'misuse', lastSeenAt: 400 }));
    await store().insertAlert(row('w-tie', { dedupKey: 'k5', lastSeenAt: 300 }));
    const all = await store().listAlerts({ categories: ['posture', 'misuse'], limit: 10 });
    expect(all.map((a) => a.id)).toEqual(['crit', 'misuse', 'w-new', 'w-tie', 'w-old']);
    const pages = [];
    let after: { severityRank: number; lastSeenAt: number; id: string } | undefined;
    for (;;) {
      const page = await store().listAlerts({ categories: ['posture', 'misuse'], limit: 2, ...(after ? { after } : {}) });
      if (page.length === 0) break;
      pages.push(...page);
      const last = page.at(-1)!;
      after = { severityRank: last.severityRank, lastSeenAt: last.lastSeenAt, id: last.id };
    }
    expect(pages.map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect((await store().listAlerts({ categories: ['posture'], deviceId: 'south-dev', limit: 10 })).map((a) => a.id)).toEqual(['crit']);
    expect((await store().listAlerts({ categories: ['posture', 'misuse'], severities: ['warning'], limit: 10 })).map((a) => a.id)).toEqual(['misuse', 'w-new', 'w-tie', 'w-old']);
    expect((await store().listAlerts({ categories: ['posture'], schoolIds: ['south'], limit: 10 })).map((a) => a.id)).toEqual(['crit']);
    expect((await store().listAlerts({ categories: ['posture'], schoolId: 'north', schoolIds: ['south'], limit: 10 }))).toEqual([]);
    expect(await store().listAlerts({ categories: ['posture'], statuses: ['resolved'], limit: 10 })).toEqual([]);
    expect(await store().listAlerts({ categories: [], limit: 10 })).toEqual([]);
    expect(await store().countUnresolvedAlertsByCategory()).toEqual({ posture: 4, misuse: 1, availability: 0 });
  });

  it('counts a device\'s recent openings, finds those to escalate, and keeps each alert\'s history in order', async () => {
    await store().insertAlert(row('m1', { dedupKey: 'm1', category: 'misuse', severity: 'critical', severityRank: 3, openedAt: 100 }));
    await store().insertAlert(row('m2', { dedupKey: 'm2', category: 'misuse', severity: 'critical', severityRank: 3, openedAt: 200, escalatedAt: 250 }));
    await store().insertAlert(row('m3', { dedupKey: 'm3', category: 'misuse', severity: 'warning', severityRank: 2, openedAt: 100 }));
    expect(await store().countAlertsOpenedSince('north-dev', 'misuse', 150)).toBe(1);
    expect(await store().countAlertsOpenedSince('north-dev', 'misuse', 0)).toBe(3);
    expect((await store().listAlertsToEscalate('misuse', 3, 300)).map((a) => a.id)).toEqual(['m1']);
    expect(await store().listAlertsToEscalate('misuse', 3, 100)).toEqual([]);
    await store().appendAlertHistory({ alertId: 'm1', at: 1, action: 'opened', by: 'collector', note: null });
    await store().appendAlertHistory({ alertId: 'm1', at: 2, action: 'acknowledged', by: 'dsl@north', note: 'On it.' });
    expect(await store().listAlertHistory('m1')).toEqual([
      { alertId: 'm1', at: 1, action: 'opened', by: 'collector', note: null },
      { alertId: 'm1', at: 2, action: 'acknowledged', by: 'dsl@north', note: 'On it.' },
    ]);
  });
});
