// Events, verdicts, transactions and retention by age: the contract every engine keeps.
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../src/store/types.ts';
import { addAlert, addAudit, addEvent, addVerdict, alertKeys, auditTargets, eventSeqs } from '../../helpers/store-rows.ts';
import { acknowledgeAlert } from '../../../src/alerts/lifecycle.ts';
import { describeEachEngine } from './engines.ts';

const device = {
  id: 'dev-1', schoolId: 'north', hostname: 'lab-01', facts: { hostname: 'lab-01' }, credentialHash: 'cd'.repeat(32),
  enrolledAt: 2, lastSeenAt: null, revokedAt: null,
};
const event = (seq: number, deviceId = 'dev-1'): StoredEvent => ({
  deviceId, seq, occurredAt: 1000 + seq, receivedAt: 5000, kind: 'observation', checkName: 'firewall',
  payload: { check: 'firewall', status: 'COLLECTED' },
});
const CUTOFF = 10_000;

describeEachEngine('events', ['north', 'south'], (engine) => {
  const store = () => engine.store();
  const withDevice = async () => store().createDevice(device);

  it('stores each (device, seq) exactly once and reports the highest seq', async () => {
    await withDevice();
    expect(await store().highestSeq('dev-1')).toBe(0);
    expect(await store().insertEvent(event(1))).toBe(true);
    expect(await store().insertEvent(event(2))).toBe(true);
    expect(await store().insertEvent({ ...event(2), payload: { changed: true } })).toBe(false);
    const stored = await store().listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 10 });
    expect(stored.map((e) => e.seq)).toEqual([2, 1]);
    expect(stored[0]).toEqual(event(2));
    await store().raiseHighestSeq('dev-1', 2);
    await store().raiseHighestSeq('dev-1', 1); // never lowered
    expect(await store().highestSeq('dev-1')).toBe(2);
  });

  it('stores the agent\'s last event as a lifecycle event, listed apart from observations (migration 025 on both engines)', async () => {
    await withDevice();
    const stop: StoredEvent = { ...event(3), kind: 'lifecycle', checkName: null, payload: { reason: 'STOP_REASON_SYSTEM_SHUTDOWN' } };
    expect(await store().insertEvents([event(1), stop])).toEqual([true, true]);
    expect(await store().listEvents({ deviceId: 'dev-1', kinds: ['lifecycle'], limit: 10 })).toEqual([stop]);
    expect((await store().listEvents({ deviceId: 'dev-1', kinds: ['observation', 'misuse', 'lifecycle'], limit: 1 }))[0]?.kind).toBe('lifecycle');
  });

  it('stores a batch in one call, telling for each event whether it was new', async () => {
    await withDevice();
    await store().insertEvent(event(2));
    expect(await store().insertEvents([event(1), event(2), event(3), event(1, 'north-dev')])).toEqual([true, false, true, true]);
    expect(await store().insertEvents([])).toEqual([]);
    const odd = { ...event(4), kind: 'misuse' as const, checkName: null, payload: { name: 'é "quoted" \\ \u2028 ✓', nested: { list: [1, null, true] } } };
    expect(await store().insertEvents([odd])).toEqual([true]);
    expect((await store().listEvents({ deviceId: 'dev-1', kinds: ['misuse'], limit: 1 }))[0]).toEqual(odd);
    expect(await store().listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 10 })).toEqual([event(3), event(2), event(1)]);
    expect((await store().listEvents({ deviceId: 'north-dev', kinds: ['observation'], limit: 10 })).map((e) => e.seq)).toEqual([1]);
  });

  it('stores a payload handed over as its JSON text, a string or UTF-8 bytes, as the same text', async () => {
    await withDevice();
    const odd = { ...event(1), payload: { name: 'é "quoted" \\ \u2028 ✓ 東京', nested: { list: [1, null, true] } } };
    const bytes = new TextEncoder().encode(`--${JSON.stringify(odd.payload)}--`);
    expect(await store().insertEvents([
      { ...odd, payload: JSON.stringify(odd.payload) },
      // A view into a larger buffer, as a batch handed between threads gives.
      { ...odd, seq: 2, payload: bytes.subarray(2, bytes.length - 2) },
    ])).toEqual([true, true]);
    expect(await store().insertEvent({ ...odd, seq: 3, payload: JSON.stringify(odd.payload) })).toBe(true);
    expect(await store().listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 10 }))
      .toEqual([3, 2, 1].map((seq) => ({ ...odd, seq })));
  });

  it('keeps the highest seq after retention deleted the events behind it, and remembers what it deleted', async () => {
    await withDevice();
    for (const seq of [1, 2, 3]) await store().insertEvent(event(seq));
    await store().raiseHighestSeq('dev-1', 3);
    expect(await store().deleteEventsBefore('north', 'observation', Number.MAX_SAFE_INTEGER)).toBe(3);
    expect(await store().listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 10 })).toEqual([]);
    expect(await store().highestSeq('dev-1')).toBe(3);
    expect(await store().prunedSeq('dev-1')).toBe(3);
  });

  it('pages newest first by seq and filters by kind', async () => {
    await withDevice();
    for (const seq of [1, 2, 3, 4]) await store().insertEvent(event(seq));
    await store().insertEvent({ ...event(5), kind: 'misuse', checkName: null });
    const page = await store().listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 2, beforeSeq: 4 });
    expect(page.map((e) => e.seq)).toEqual([3, 2]);
    expect((await store().listEvents({ deviceId: 'dev-1', kinds: ['misuse'], limit: 10 })).map((e) => e.seq)).toEqual([5]);
    expect(await store().listEvents({ deviceId: 'dev-1', kinds: [], limit: 10 })).toEqual([]);
  });

  it('rejects an event for an unknown device (foreign keys hold)', async () => {
    await expect(store().insertEvent({ ...event(1), deviceId: 'nobody' })).rejects.toMatchObject({ code: 'STORE_FAILED' });
  });

  it('keeps each device\'s series, and its last seen time never moves back', async () => {
    await withDevice();
    expect(await store().getSeqSeries('dev-1')).toEqual({ outboxId: null, offset: 0 });
    await store().setSeqSeries('dev-1', { outboxId: 'box-2', offset: 40 });
    expect(await store().getSeqSeries('dev-1')).toEqual({ outboxId: 'box-2', offset: 40 });
    await store().markDeviceSeen('dev-1', 500, { hostname: 'lab-01b', facts: { hostname: 'lab-01b', hardwareSerial: 'SN1' } });
    await store().markDeviceSeen('dev-1', 400);
    expect(await store().getDevice('dev-1')).toMatchObject({ lastSeenAt: 500, hostname: 'lab-01b', facts: { hardwareSerial: 'SN1' } });
    expect(await store().lockDevice('dev-1')).toEqual(await store().getDevice('dev-1'));
    expect(await store().revokeDevice('dev-1', 600)).toBe(true);
    expect(await store().revokeDevice('dev-1', 700)).toBe(false);
  });

  it('records a heartbeat in one step, never moving last seen or the backlog back, and none from a revoked device', async () => {
    await withDevice();
    expect(await store().recordHeartbeat('dev-1', 500, 40)).toBe(true);
    expect(await store().recordHeartbeat('dev-1', 400, 90)).toBe(true);
    expect((await store().getDevice('dev-1'))?.lastSeenAt).toBe(500);
    expect(await store().getOutboxBacklog('dev-1')).toEqual({ depth: 40, reportedAt: 500 });
    expect(await store().recordHeartbeat('dev-1', 600, 0)).toBe(true);
    expect(await store().getOutboxBacklog('dev-1')).toEqual({ depth: 0, reportedAt: 600 });
    expect(await store().recordHeartbeat('nobody', 700, 1)).toBe(false);
    await store().revokeDevice('dev-1', 650);
    expect(await store().recordHeartbeat('dev-1', 700, 5)).toBe(false);
    expect((await store().getDevice('dev-1'))?.lastSeenAt).toBe(600);
    expect(await store().getOutboxBacklog('dev-1')).toEqual({ depth: 0, reportedAt: 600 });
  });

  it('lists devices by school, by several schools, or all, ordered by host name byte by byte', async () => {
    await store().createDevice({ ...device, id: 'dev-b', hostname: 'b-lab' });
    await store().createDevice({ ...device, id: 'dev-B', hostname: 'B-lab' });
    await store().createDevice({ ...device, id: 'dev-s', schoolId: 'south', hostname: 'a-south' });
    expect((await store().listDevices({ schoolId: 'north' })).map((d) => d.id)).toEqual(['dev-B', 'dev-b', 'north-dev']);
    expect((await store().listDevices({ schoolIds: ['south'] })).map((d) => d.id)).toEqual(['dev-s', 'south-dev']);
    expect(await store().listDevices({ schoolIds: [] })).toEqual([]);
    expect(await store().listDevices({})).toHaveLength(5);
  });

  it('returns each asked device\'s latest verdicts by check, [] for a device without any, in one call', async () => {
    const verdict = (deviceId: string, check: string) => ({
      deviceId, check, status: 'pass' as const, reasonCode: 'OK', reason: 'Fine.', clauseId: 'c', clauseText: 'Clause.',
      since: 1, evaluatedAt: 2, seq: 1,
    });
    await withDevice();
    await store().putVerdict(verdict('dev-1', 'firewall'));
    await store().putVerdict(verdict('dev-1', 'encryption'));
    await store().putVerdict(verdict('north-dev', 'antivirus'));
    await store().putVerdict({ ...verdict('north-dev', 'antivirus'), status: 'fail', seq: 2 }); // replaces
    await store().putVerdict(verdict('south-dev', 'antivirus')); // not asked for

    const verdicts = await store().listVerdictsOfDevices(['dev-1', 'north-dev', 'no-such-device']);
    expect([...verdicts.keys()]).toEqual(['dev-1', 'north-dev', 'no-such-device']);
    expect(verdicts.get('dev-1')).toEqual(await store().listVerdicts('dev-1'));
    expect(verdicts.get('dev-1')?.map((v) => v.check)).toEqual(['encryption', 'firewall']);
    expect(verdicts.get('north-dev')).toEqual([{ ...verdict('north-dev', 'antivirus'), status: 'fail', seq: 2 }]);
    expect(verdicts.get('no-such-device')).toEqual([]);
    expect((await store().listVerdictsOfDevices([])).size).toBe(0);
    expect(await store().getVerdict('dev-1', 'firewall')).toEqual(verdict('dev-1', 'firewall'));
  });

  it('writes several verdicts in one call, the last given standing for one (device, check)', async () => {
    const verdict = (deviceId: string, check: string, seq: number) => ({
      deviceId, check, status: 'pass' as const, reasonCode: 'OK', reason: 'Fine, "quoted" \\ é.', clauseId: 'c', clauseText: 'Clause.',
      since: 1, evaluatedAt: 2, seq,
    });
    await withDevice();
    await store().putVerdict(verdict('dev-1', 'firewall', 1));
    await store().putVerdicts([
      verdict('dev-1', 'firewall', 2), verdict('dev-1', 'encryption', 3), verdict('north-dev', 'antivirus', 4),
      { ...verdict('dev-1', 'encryption', 5), status: 'fail' },
    ]);
    await store().putVerdicts([]);
    expect(await store().listVerdicts('dev-1')).toEqual([{ ...verdict('dev-1', 'encryption', 5), status: 'fail' }, verdict('dev-1', 'firewall', 2)]);
    expect(await store().listVerdicts('north-dev')).toEqual([verdict('north-dev', 'antivirus', 4)]);
  });

  it('reads what a batch needs of its device in one step, as the separate reads give it', async () => {
    await withDevice();
    expect(await store().lockDeviceForBatch('nobody')).toBeUndefined();
    const fresh = await store().lockDeviceForBatch('dev-1');
    expect(fresh).toEqual({ device: await store().getDevice('dev-1'), series: { outboxId: null, offset: 0 }, prunedSeq: 0, pack: undefined });
    await store().setSeqSeries('dev-1', { outboxId: 'box-3', offset: 70 });
    for (const seq of [1, 2]) await store().insertEvent(event(seq));
    await store().deleteEventsBefore('north', 'observation', Number.MAX_SAFE_INTEGER);
    const pack = { id: 'north-pack', version: '2', name: 'North "strict"', checks: { firewall: { required: false } } };
    await store().putPolicyPack('north', pack, 10);
    await store().revokeDevice('dev-1', 20);
    await store().transaction(async (tx) => {
      expect(await tx.lockDeviceForBatch('dev-1')).toEqual({
        device: await tx.getDevice('dev-1'), series: await tx.getSeqSeries('dev-1'), prunedSeq: await tx.prunedSeq('dev-1'),
        pack: await tx.getPolicyPack('north'),
      });
    });
    expect(await store().lockDeviceForBatch('dev-1')).toMatchObject({ device: { revokedAt: 20 }, series: { outboxId: 'box-3', offset: 70 }, prunedSeq: 2, pack });
  });

  it('keeps each verdict change in order, and deletes the school\'s old ones only', async () => {
    const change = (deviceId: string, changedAt: number) => ({
      deviceId, check: 'firewall', fromStatus: null, toStatus: 'fail' as const, reasonCode: 'OFF', reason: 'Off.', clauseId: 'c', changedAt, seq: 1,
    });
    await store().recordVerdictChange(change('north-dev', CUTOFF - 1));
    await store().recordVerdictChange({ ...change('north-dev', CUTOFF), fromStatus: 'fail', toStatus: 'pass' });
    await store().recordVerdictChange(change('south-dev', CUTOFF - 1));
    expect((await store().listVerdictChanges('north-dev')).map((c) => c.toStatus)).toEqual(['fail', 'pass']);
    expect(await store().deleteVerdictChangesBefore('north', CUTOFF)).toBe(1);
    expect(await store().listVerdictChanges('north-dev')).toEqual([{ ...change('north-dev', CUTOFF), fromStatus: 'fail', toStatus: 'pass' }]);
    expect(await store().listVerdictChanges('south-dev')).toHaveLength(1);
  });

  it('gives each device\'s newest observation per check', async () => {
    await addEvent(store(), 'north-dev', 1, 'observation', 100);
    await addEvent(store(), 'north-dev', 2, 'observation', 200);
    await store().insertEvent({ ...event(3, 'north-dev'), checkName: 'antivirus' });
    await addEvent(store(), 'north-dev', 4, 'misuse', 300);
    await addEvent(store(), 'south-dev', 1, 'observation', 100);
    expect((await store().latestObservations('north')).map((e) => [e.seq, e.checkName])).toEqual([[2, 'firewall'], [3, 'antivirus']]);
  });

  describe('transactions', () => {
    it('rolls back every write when the work throws', async () => {
      await withDevice();
      const broke = new Error('evaluation broke');
      await expect(store().transaction(async (tx) => {
        await tx.insertEvent(event(1));
        await tx.raiseHighestSeq('dev-1', 1);
        throw broke;
      })).rejects.toBe(broke); // the work's own error, as it was thrown
      expect(await store().highestSeq('dev-1')).toBe(0);
      expect(await store().listEvents({ deviceId: 'dev-1', kinds: ['observation'], limit: 10 })).toEqual([]);
    });

    it('keeps a concurrent write out of another caller\'s transaction', async () => {
      await withDevice();
      let outside: Promise<void> | undefined;
      await expect(store().transaction(async (tx) => {
        outside = store().markDeviceSeen('dev-1', 777); // not part of the transaction, so the rollback spares it
        await tx.insertEvent(event(1));
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw new Error('abort');
      })).rejects.toThrow('abort');
      await outside;
      expect((await store().getDevice('dev-1'))?.lastSeenAt).toBe(777);
      expect(await store().highestSeq('dev-1')).toBe(0);
    });

    it('keeps concurrent transactions apart: the one that fails is undone alone', async () => {
      await withDevice();
      const results = await Promise.allSettled([1, 2, 3, 4].map((seq) => store().transaction(async (tx) => {
        await tx.insertEvent(event(seq));
        if (seq === 3) throw new Error('batch 3 broke');
        return seq;
      })));
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect(results.filter((result) => result.status === 'fulfilled').map((result) => result.value)).toEqual([1, 2, 4]);
      const stored = await store().listEvents({ deviceId: 'dev-1', kinds: ['observation', 'misuse'], limit: 10 });
      expect(stored.map((e) => e.seq).sort()).toEqual([1, 2, 4]);
    });
  });

  describe('retention by age', () => {
    it('deletes only the school\'s events of that kind received before the cutoff', async () => {
      await addEvent(store(), 'north-dev', 1, 'observation', CUTOFF - 1);
      await addEvent(store(), 'north-dev', 2, 'observation', CUTOFF); // exactly at the cutoff: not older, kept
      await addEvent(store(), 'north-dev', 3, 'misuse', CUTOFF - 1);
      await addEvent(store(), 'south-dev', 1, 'observation', CUTOFF - 1);

      expect(await store().deleteEventsBefore('north', 'observation', CUTOFF)).toBe(1);
      expect(await eventSeqs(store(), 'north-dev', 'observation')).toEqual([2]);
      expect(await eventSeqs(store(), 'north-dev', 'misuse')).toEqual([3]);
      expect(await eventSeqs(store(), 'south-dev', 'observation')).toEqual([1]);

      expect(await store().deleteEventsBefore('north', 'misuse', CUTOFF)).toBe(1);
      expect(await eventSeqs(store(), 'north-dev', 'misuse')).toEqual([]);
      expect(await store().deleteEventsBefore('north', 'misuse', CUTOFF)).toBe(0);
    });

    it('goes by when the collector received an event, never by the device\'s clock', async () => {
      const received = (seq: number, occurredAt: number, receivedAt: number) => store().insertEvent({
        deviceId: 'north-dev', seq, occurredAt, receivedAt, kind: 'misuse', checkName: null, payload: { kind: 'MEDIA_ATTACHED' },
      });
      await received(1, 1, CUTOFF + 5); // the device's clock set back years, received after the cutoff: kept
      await received(2, CUTOFF * 100, CUTOFF - 5); // the device's clock far ahead, received before the cutoff: deleted

      expect(await store().deleteEventsBefore('north', 'misuse', CUTOFF)).toBe(1);
      expect(await eventSeqs(store(), 'north-dev', 'misuse')).toEqual([1]);
    });

    it('keeps the device\'s current verdict when the observation behind it goes', async () => {
      await addEvent(store(), 'north-dev', 1, 'observation', CUTOFF - 1);
      await addVerdict(store(), 'north-dev', 1, CUTOFF - 1);
      expect(await store().deleteEventsBefore('north', 'observation', CUTOFF)).toBe(1);
      expect(await store().getVerdict('north-dev', 'firewall')).toMatchObject({ status: 'fail', seq: 1, reasonCode: 'FIREWALL_OFF' });
    });

    it('deletes the school\'s alerts resolved before the cutoff and never an open or acknowledged one', async () => {
      await addAlert(store(), 'north', 'resolved-old', 1, CUTOFF - 1);
      await addAlert(store(), 'north', 'resolved-young', 1, CUTOFF);
      await addAlert(store(), 'north', 'open-old', 1, null);
      const acknowledged = await addAlert(store(), 'north', 'acknowledged-old', 1, null);
      await store().transaction(async (tx) => acknowledgeAlert(tx, (await tx.getAlert(acknowledged))!, 2, 'dsl:head'));
      await addAlert(store(), 'south', 'resolved-old', 1, CUTOFF - 1);

      expect(await store().deleteResolvedAlertsBefore('north', CUTOFF)).toBe(1);
      expect(await alertKeys(store(), 'north')).toEqual(['acknowledged-old', 'open-old', 'resolved-young']);
      expect(await alertKeys(store(), 'south')).toEqual(['resolved-old']);
    });

    it('deletes the school\'s audit entries written before the cutoff, not another school\'s nor school-less ones', async () => {
      await addAudit(store(), 'north', CUTOFF - 1, 'north-old');
      await addAudit(store(), 'north', CUTOFF, 'north-young');
      await addAudit(store(), 'south', CUTOFF - 1, 'south-old');
      await addAudit(store(), null, CUTOFF - 1, 'schools');

      expect(await store().deleteAuditBefore('north', CUTOFF)).toBe(1);
      expect(await auditTargets(store())).toEqual(['north-young', 'schools', 'south-old']);
      expect((await store().listAudit({ limit: 10, schoolIds: ['south'] })).map((e) => [e.target, e.roles])).toEqual([['south-old', ['dsl']]]);
      expect(await store().listAudit({ limit: 10, schoolIds: [] })).toEqual([]);
    });
  });
});
