// The report storage on each engine: terms per school and trust-wide, reasons appended never
// overwritten, the pack history, and one device's events by the device's time.
import { expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '@invigilator/shared/policy/default-pack.ts';
import { addEvent } from '../../helpers/store-rows.ts';
import { describeEachEngine } from './engines.ts';

const term = (schoolId: string | null, name: string, start: string, updatedAt = 1) =>
  ({ schoolId, name, start, end: start.replace(/-\d\d$/, '-28'), holidays: [{ from: start, to: start }], updatedAt, updatedBy: 'test' });

describeEachEngine('report storage', ['north', 'south'], (engine) => {
  const storeOf = () => engine.store();

  it('keeps trust-wide and school terms apart, replacing a term of the same name in the same calendar', async () => {
    await storeOf().putTerm(term(null, 'Autumn 2026', '2026-09-03'));
    await storeOf().putTerm(term('north', 'Autumn 2026', '2026-09-04'));
    await storeOf().putTerm(term('north', 'Autumn 2026', '2026-09-07', 2));
    await storeOf().putTerm(term('south', 'Spring 2027', '2027-01-05'));
    const north = await storeOf().listTerms({ schoolId: 'north' });
    expect(north.map((t) => [t.schoolId, t.name, t.start, t.updatedAt])).toEqual([[null, 'Autumn 2026', '2026-09-03', 1], ['north', 'Autumn 2026', '2026-09-07', 2]]);
    expect(north[0]?.holidays).toEqual([{ from: '2026-09-03', to: '2026-09-03' }]);
    expect((await storeOf().listTerms({})).map((t) => t.schoolId)).toEqual([null, 'north', 'south']);
  });

  it('appends every exception reason, oldest first, per school', async () => {
    for (const [at, reason] of [[1, 'first'], [2, 'second']] as const) {
      await storeOf().appendExceptionReason({ schoolId: 'north', ruleKey: 'r-0123456789', reason, recordedBy: 'a@b.c', recordedAt: at });
    }
    await storeOf().appendExceptionReason({ schoolId: 'south', ruleKey: 'r-0123456789', reason: 'other school', recordedBy: 'x', recordedAt: 3 });
    expect((await storeOf().listExceptionReasons('north')).map((r) => r.reason)).toEqual(['first', 'second']);
  });

  it('keeps a line for every policy pack a school was given', async () => {
    await storeOf().putPolicyPack('north', DEFAULT_POLICY_PACK, 10);
    await storeOf().putPolicyPack('north', { ...DEFAULT_POLICY_PACK, version: '1.1.0' }, 20);
    expect(await storeOf().listPolicyPackChanges('north')).toEqual([
      { schoolId: 'north', packId: 'default', version: '1.0.0', name: DEFAULT_POLICY_PACK.name, changedAt: 10 },
      { schoolId: 'north', packId: 'default', version: '1.1.0', name: DEFAULT_POLICY_PACK.name, changedAt: 20 },
    ]);
    expect(await storeOf().listPolicyPackChanges('south')).toEqual([]);
  });

  it('lists one device\'s events of a kind and check in [from, to) by the device\'s time, oldest first', async () => {
    // Sequence and device time disagree: a clock put back between reports.
    for (const [seq, at] of [[1, 500], [2, 100], [3, 300], [4, 1000]] as const) await addEvent(storeOf(), 'north-dev', seq, 'observation', at);
    await addEvent(storeOf(), 'north-dev', 5, 'misuse', 200);
    const events = await storeOf().listEventsBetween({ deviceId: 'north-dev', kind: 'observation', checkName: 'firewall', from: 100, to: 1000 });
    expect(events.map((e) => [e.seq, e.occurredAt])).toEqual([[2, 100], [3, 300], [1, 500]]);
    expect((await storeOf().listEventsBetween({ deviceId: 'north-dev', kind: 'misuse', from: 0, to: 2000 })).map((e) => e.seq)).toEqual([5]);
    expect(await storeOf().listEventsBetween({ deviceId: 'north-dev', kind: 'observation', checkName: 'antivirus', from: 0, to: 2000 })).toEqual([]);
  });
});
