// The one alert lifecycle on each engine's real store: repeats, severity rules, reopening, flood folding.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { MisuseKind, Tri } from '@invigilator/shared/wire.ts';
import { acknowledgeAlert, raiseAlert, resolveByDevice, resolveByPerson, type RaiseOptions } from '../../src/alerts/lifecycle.ts';
import { alertForMisuse, type AlertDraft } from '../../src/alerts/rules.ts';
import { withMisuseTexts } from '../../src/alerts/misuse-text.ts';
import { ingestBatch } from '../../src/gateway/ingest.ts';
import type { Store } from '../../src/store/types.ts';
import { firewallEvent } from '../helpers/collector.ts';
import { describeEachEngine } from '../store/contract/engines.ts';

let store: Store;
const laptop = { id: 'dev-1', hostname: 'lab-01', schoolId: 'north' };
const other = { id: 'dev-2', hostname: 'lab-02', schoolId: 'north' };

const draft = (fields: Partial<AlertDraft> = {}): AlertDraft => ({
  category: 'posture', severity: 'warning', dedupKey: 'posture:dev-1:antivirus', title: 'Anti-virus signatures stale on lab-01',
  summary: 'Stale.', check: 'antivirus', clauseId: 'av-1', clauseText: 'Definitions up to date.', detail: { hostname: 'lab-01' }, ...fields,
});
const COUNT: RaiseOptions = { countRepeat: true, reopenAfterManualResolve: false };
const raise = (d: AlertDraft, at: number, options = COUNT, device = laptop) => store.transaction((tx) => raiseAlert(tx, device, d, at, options));
const acknowledge = (id: string, at: number) => store.transaction(async (tx) => acknowledgeAlert(tx, (await tx.getAlert(id))!, at, 'technician:lab'));

describeEachEngine('the alert lifecycle', [], (engine) => {
  beforeEach(async () => {
    store = engine.store();
    await store.createSchool({ id: 'north', name: 'North', enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
    for (const device of [laptop, other]) {
      await store.createDevice({ ...device, facts: {}, credentialHash: 'cd'.repeat(32), enrolledAt: 1, lastSeenAt: null, revokedAt: null });
    }
  });

  describe('repeats', () => {
    it('counts a repeat on the unresolved alert, keeping the first event and the last', async () => {
      const first = await raise(draft(), 100);
      const again = await raise(draft({ summary: 'Still stale.' }), 200);
      expect([first.transition, again.transition]).toEqual(['opened', 'repeated']);
      expect(await store.getAlert(first.alert!.id)).toMatchObject({
        occurrences: 2, openedAt: 100, lastSeenAt: 200, status: 'open',
        firstEvent: { at: 100, summary: 'Stale.' }, lastEvent: { at: 200, summary: 'Still stale.' },
      });
    });

    it('opens a new alert after the device resolved the last one', async () => {
      const first = await raise(draft(), 100);
      expect(await store.transaction((tx) => resolveByDevice(tx, 'north', draft().dedupKey, 300, 'collector: fixed'))).toBe(true);
      const next = await raise(draft(), 400);
      expect(next.transition).toBe('opened');
      expect(next.alert!.id).not.toBe(first.alert!.id);
    });

    const stale = draft();
    const switchedOff = draft({ severity: 'critical', title: 'Anti-virus switched off on lab-01', summary: 'Off.', clauseId: 'av-2', clauseText: 'Always on.' });
    it.each([
      ['a more severe repeat reopens it and says so', stale, switchedOff, { status: 'open', acknowledgedBy: null, severity: 'critical', title: switchedOff.title }, 'severity-raised'],
      ['a repeat as severe keeps the acknowledgement', stale, stale, { status: 'acknowledged', acknowledgedBy: 'technician:lab', severity: 'warning' }, 'repeated'],
      ['a less severe repeat keeps the acknowledgement and shows the lesser severity', switchedOff, stale, { status: 'acknowledged', severity: 'warning', clauseId: 'av-1' }, 'repeated'],
    ] as const)('on an acknowledged alert, %s', async (_case, first, repeat, expected, transition) => {
      const { alert } = await raise(first, 100);
      await acknowledge(alert!.id, 150);
      expect((await raise(repeat, 200)).transition).toBe(transition);
      expect(await store.getAlert(alert!.id)).toMatchObject({ occurrences: 2, lastSeenAt: 200, summary: repeat.summary, ...expected });
    });
  });

  describe('a misuse session that runs over the hour', () => {
    const copied = (at: string): AlertDraft => alertForMisuse(laptop, {
      kind: MisuseKind.FILE_WRITTEN, user: 'pupil', device: { serial: '4C530001230925113102', label: 'STUDENT' }, file: { name: 'work.docx' },
    }, DEFAULT_POLICY_PACK, new Date(at))!;
    const raiseAt = (at: string) => raise(copied(at), Date.parse(at));

    it('stays one alert when copying goes on past the top of the hour', async () => {
      const first = await raiseAt('2026-11-23T09:59:40Z');
      const [next, later] = [await raiseAt('2026-11-23T10:00:00Z'), await raiseAt('2026-11-23T10:40:00Z')];
      expect([first.transition, next.transition, later.transition]).toEqual(['opened', 'repeated', 'repeated']);
      expect(next.alert!.id).toBe(first.alert!.id);
      expect(later.alert!.id).toBe(first.alert!.id);
      // Still one alert after several hours of copying with no gap of an hour.
      for (const at of ['2026-11-23T11:30:00Z', '2026-11-23T12:20:00Z', '2026-11-23T13:10:00Z']) expect((await raiseAt(at)).alert!.id).toBe(first.alert!.id);
      expect((await store.getAlert(first.alert!.id))!.occurrences).toBe(6);
    });

    it('opens another when copying begins again more than an hour after the last, or after the DSL resolved it', async () => {
      const first = await raiseAt('2026-11-23T09:50:00Z');
      const apart = await raiseAt('2026-11-23T11:05:00Z');
      expect(apart.transition).toBe('opened');
      expect(apart.alert!.id).not.toBe(first.alert!.id);
      await store.transaction(async (tx) => resolveByPerson(tx, (await tx.getAlert(apart.alert!.id))!, Date.parse('2026-11-23T11:10:00Z'), 'dsl:khan', 'spoke to the pupil'));
      const afterResolve = await raiseAt('2026-11-23T11:20:00Z');
      expect(afterResolve.transition).toBe('opened');
    });
  });

  describe('a posture alert a person resolved while the device still fails', () => {
    it('reopens on the next failing report, with the history saying why (it was never raised again before)', async () => {
      const device = { ...laptop };
      await ingestBatch(store, device, [firewallEvent(1, Tri.TRI_NO)], Date.now());
      const [alert] = await store.listAlerts({ categories: ['posture'], limit: 10 });
      await store.transaction((tx) => resolveByPerson(tx, alert!, Date.now(), 'tech (technician)', 'Switched it on remotely.'));
      // The hourly report: the same failure, same reason.
      await ingestBatch(store, device, [firewallEvent(2, Tri.TRI_NO)], Date.now());
      const reopened = await store.getAlert(alert!.id);
      expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, resolvedBy: null, occurrences: 2 });
      expect((await store.listAlertHistory(alert!.id)).map((h) => [h.action, h.note])).toEqual([
        ['opened', null], ['resolved', 'Switched it on remotely.'], ['reopened', null],
      ]);
      // Further hourly reports refresh it without counting or notifying again.
      await ingestBatch(store, device, [firewallEvent(3, Tri.TRI_NO)], Date.now());
      expect(await store.getAlert(alert!.id)).toMatchObject({ status: 'open', occurrences: 2 });
      // Fixed on the device: resolved by the collector; a later failure then opens a new alert.
      await ingestBatch(store, device, [firewallEvent(4, Tri.TRI_YES)], Date.now());
      expect(await store.getAlert(alert!.id)).toMatchObject({ status: 'resolved', resolvedBy: 'collector: the device reported the problem fixed' });
    });
  });

  describe('flood control', () => {
    const safeguard = (seq: number) => ({
      seq, occurredAtMs: Date.now(), misuse: { kind: MisuseKind.SAFEGUARD_DISABLED, user: 'pupil7', detail: `tampering attempt ${seq}` },
    });

    it('folds a burst from one device into one alert with its count and first and last events; other devices\' alerts stay in view', async () => {
      await ingestBatch(store, other, [{ seq: 1, occurredAtMs: Date.now(), misuse: { kind: MisuseKind.BYPASS_TOOL, user: 'pupil9', detail: 'proxy.exe' } }], Date.now());
      await ingestBatch(store, laptop, Array.from({ length: 600 }, (_, index) => safeguard(index + 1)), Date.now());
      const alerts = await store.listAlerts({ categories: ['misuse'], limit: 1000 });
      // Ten alerts (the school's default limit), then one for the burst.
      expect(alerts.filter((a) => a.deviceId === 'dev-1')).toHaveLength(11);
      const burst = alerts.find((a) => a.dedupKey === 'misuse:dev-1:flood')!;
      expect(burst).toMatchObject({ occurrences: 590, severity: 'critical', title: 'A burst of safeguarding events from lab-01' });
      // The row keeps none of the device's words: they are in the events, each linked to the burst and read with it.
      expect(JSON.stringify(burst)).not.toContain('tampering attempt');
      expect(JSON.stringify(burst)).not.toContain('pupil7');
      const [read] = await withMisuseTexts(store, [burst]);
      expect(read!.firstEvent?.summary).toContain('tampering attempt 11');
      expect(read!.lastEvent?.summary).toContain('tampering attempt 600');
      expect((await store.listAlertEvents(burst.id, 1000)).map((event) => event.seq)).toEqual(Array.from({ length: 590 }, (_, i) => i + 11));
      // The genuine alert from the other device is on the first page a DSL sees.
      const firstPage = await store.listAlerts({ categories: ['misuse'], statuses: ['open'], limit: 20 });
      expect(firstPage.some((a) => a.deviceId === 'dev-2')).toBe(true);
      expect((await store.listAlertHistory(burst.id)).map((h) => h.action)).toEqual(['opened']);
    });
  });
});
