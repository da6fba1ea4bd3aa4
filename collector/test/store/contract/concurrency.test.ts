// Two collectors racing: each racer is a process of its own with its own connection to the same database
// (race-worker.ts). They write the same batches, raise the same alerts and enrol into the same schools at
// the same moment; what is stored must be what one of them alone would have stored: each event once,
// each verdict change once, one alert per key with every repeat counted, no school past its limit.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { raiseAlert } from '../../../src/alerts/lifecycle.ts';
import { hashSecret } from '../../../src/secrets.ts';
import type { Store } from '../../../src/store/types.ts';
import { describeEachEngine, type EngineUnderTest } from './engines.ts';
import { RACE_DEVICE, RACE_NOTIFICATIONS, RACE_ROUNDS, RACE_TIME, raceEnrolmentSecret, raceNotification } from './race-rounds.ts';

const WORKER = join(import.meta.dirname, 'race-worker.ts');
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

const startRacer = (engine: EngineUnderTest, task: string) => {
  const child = spawn(process.execPath, [WORKER, engine.name, engine.location(), task], { stdio: ['pipe', 'pipe', 'inherit'] });
  running.add(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`the ${task} racer exited before it answered`);
    return line.value;
  };
  return { child, next };
};

/** Starts a racer for each task, waits until each has opened the store, lets them all go at once, returns what each saw. */
const race = async (engine: EngineUnderTest, task: string | string[], count = 1): Promise<string[][]> => {
  const tasks = Array.isArray(task) ? task : Array.from({ length: count }, () => task);
  const racers = tasks.map((each) => startRacer(engine, each));
  for (const racer of racers) expect(await racer.next()).toBe('ready');
  for (const racer of racers) racer.child.stdin!.write('go\n');
  return Promise.all(racers.map(async (racer) => JSON.parse(await racer.next()) as string[]));
};

/** What the device's rows say, ids aside: the same after a race as after one racer alone. */
const summary = async (store: Store) => {
  const alerts = await store.listAlerts({ schoolId: 'north', categories: ['posture', 'misuse', 'availability'], limit: 1000 });
  return {
    events: (await store.listEvents({ deviceId: RACE_DEVICE.id, kinds: ['observation', 'misuse'], limit: 10_000 })).map((e) => e.seq),
    highestSeq: await store.highestSeq(RACE_DEVICE.id),
    verdicts: await store.listVerdicts(RACE_DEVICE.id),
    changes: await store.listVerdictChanges(RACE_DEVICE.id),
    alerts: await Promise.all(alerts.sort((a, b) => a.dedupKey.localeCompare(b.dedupKey)).map(async ({ id, ...alert }) => ({
      ...alert, history: (await store.listAlertHistory(id)).map(({ alertId: _alertId, ...entry }) => entry),
    }))),
  };
};

describeEachEngine('two collectors at once', ['north'], (engine) => {
  it('two racers sending the same batches store each event, verdict change and alert once', async () => {
    const outcomes = await race(engine, 'ingest', 2);
    // Every batch was stored by exactly one of them; the other found it all stored.
    for (let round = 0; round < RACE_ROUNDS; round += 1) {
      expect(outcomes.map((seen) => seen[round]).sort()).toEqual(['stored 0', 'stored 40']);
    }
    const raced = await summary(engine.store());
    expect(raced.events).toHaveLength(RACE_ROUNDS * 40);
    expect(new Set(raced.events).size).toBe(raced.events.length);
    expect(raced.highestSeq).toBe(RACE_ROUNDS * 40);
    expect(raced.changes.filter((c) => c.toStatus === 'fail')).toHaveLength(RACE_ROUNDS);
    expect(raced.changes.filter((c) => c.toStatus === 'pass')).toHaveLength(RACE_ROUNDS);
    const misuse = raced.alerts.filter((alert) => alert.category === 'misuse');
    expect(misuse.reduce((sum, alert) => sum + alert.occurrences, 0)).toBe(RACE_ROUNDS);
    // Each round's firewall failure opens an alert and the report after it resolves it: once, not twice.
    const posture = raced.alerts.filter((alert) => alert.category === 'posture');
    expect(posture).toHaveLength(RACE_ROUNDS);
    for (const alert of posture) expect(alert.history.map((entry) => entry.action)).toEqual(['opened', 'resolved']);
  });

  it('two racers sending one device\'s batches in turn judge each on top of the other\'s: one unbroken line of verdict changes', async () => {
    const outcomes = await race(engine, ['ingest-even', 'ingest-odd']);
    expect(outcomes.flat()).toEqual(Array.from({ length: RACE_ROUNDS }, () => 'stored 40'));
    const { changes, verdicts } = await summary(engine.store());
    const firewall = changes.filter((change) => change.check === 'firewall');
    // Each change starts where the one before ended; two batches judging from the same old verdict would break the line.
    for (const [index, change] of firewall.entries()) expect(change.fromStatus).toBe(index === 0 ? null : firewall[index - 1]?.toStatus);
    expect(verdicts.find((verdict) => verdict.check === 'firewall')?.status).toBe(firewall.at(-1)?.toStatus);
  });

  it('two transactions locking two devices in opposite orders both commit (a deadlock undone is run again)', async () => {
    const store = engine.store();
    await store.createDevice({ ...RACE_DEVICE, id: 'second-dev', facts: {}, credentialHash: 'c', enrolledAt: 1, lastSeenAt: null, revokedAt: null });
    let signal!: () => void;
    const bLocked = new Promise<void>((resolve) => { signal = resolve; });
    // On SQLite the second transaction only starts once the first ends: the wait is cut short there.
    const orAfter = (ms: number) => Promise.race([bLocked, new Promise((resolve) => setTimeout(resolve, ms))]);
    const attempts = { a: 0, b: 0 };
    const [a, b] = await Promise.all([
      store.transaction(async (tx) => {
        attempts.a += 1;
        await tx.lockDevice(RACE_DEVICE.id);
        await orAfter(300);
        await tx.lockDevice('second-dev');
        await tx.markDeviceSeen(RACE_DEVICE.id, 100);
        return 'a';
      }),
      store.transaction(async (tx) => {
        attempts.b += 1;
        await tx.lockDevice('second-dev');
        signal();
        await tx.lockDevice(RACE_DEVICE.id);
        await tx.markDeviceSeen('second-dev', 200);
        return 'b';
      }),
    ]);
    expect([a, b]).toEqual(['a', 'b']);
    expect((await store.getDevice(RACE_DEVICE.id))?.lastSeenAt).toBe(100);
    expect((await store.getDevice('second-dev'))?.lastSeenAt).toBe(200);
    // PostgreSQL broke the deadlock by undoing one of them, which ran again; SQLite never let them overlap.
    if (engine.name === 'postgres') expect(attempts.a + attempts.b).toBeGreaterThan(2);
    else expect(attempts).toEqual({ a: 1, b: 1 });
  });

  it('two racers raising the same alerts open each once and count every repeat', async () => {
    const outcomes = await race(engine, 'alert', 2);
    expect(outcomes.flat().filter((transition) => transition === 'opened')).toHaveLength(5);
    const alerts = await engine.store().listAlerts({ schoolId: 'north', categories: ['posture'], limit: 100 });
    expect(alerts.map((alert) => alert.dedupKey).sort()).toEqual(['race:0', 'race:1', 'race:2', 'race:3', 'race:4']);
    // Each key is raised 4 times by each racer: 8 occurrences, none lost to a concurrent update.
    expect(alerts.map((alert) => alert.occurrences)).toEqual([8, 8, 8, 8, 8]);
    for (const alert of alerts) {
      const history = await engine.store().listAlertHistory(alert.id);
      expect(history.filter((entry) => entry.action === 'opened')).toHaveLength(1);
    }
  });

  it('two racers escalating the same unacknowledged alerts escalate each once', async () => {
    const store = engine.store();
    for (let index = 0; index < 10; index += 1) {
      await store.transaction((tx) => raiseAlert(tx, RACE_DEVICE, {
        category: 'misuse', severity: 'critical', dedupKey: `stick-${index}`, title: 'Stick', summary: 'A stick.',
        clauseId: 'removable-media', clauseText: 'No sticks.', detail: {},
      }, RACE_TIME - 3_600_000, { countRepeat: true, reopenAfterManualResolve: false }));
    }
    const outcomes = await race(engine, 'escalate', 2);
    expect(outcomes.flat().reduce((sum, outcome) => sum + Number(outcome.split(' ')[1]), 0)).toBe(10);
    for (const alert of await store.listAlerts({ schoolId: 'north', categories: ['misuse'], limit: 100 })) {
      expect((await store.listAlertHistory(alert.id)).filter((entry) => entry.action === 'escalated')).toHaveLength(1);
    }
  });

  it('two racers enrolling into a school that lets one more in: one enrols, the other is refused', async () => {
    for (let round = 0; round < RACE_ROUNDS; round += 1) {
      const schoolId = `enrol-${round}`;
      await engine.store().createSchool({ id: schoolId, name: schoolId, enrolmentSecretHash: hashSecret(raceEnrolmentSecret(round)), createdAt: 1 });
      await engine.store().setEnrolmentLimits(schoolId, { perHour: 1, total: 100 });
    }
    const outcomes = await race(engine, 'enrol', 2);
    for (let round = 0; round < RACE_ROUNDS; round += 1) {
      expect(outcomes.map((seen) => seen[round]).sort()).toEqual(['enrolled', 'refused']);
      expect(await engine.store().listDevices({ schoolId: `enrol-${round}` })).toHaveLength(1);
    }
  });

  it('three racers claiming from one outbox send each notification once: no claim taken twice, none left behind', async () => {
    const store = engine.store();
    await store.createChannel({ id: 'race-channel', schoolId: 'north', kind: 'email', settings: {}, secret: {}, audience: null, createdAt: 1, disabledAt: null });
    for (let index = 0; index < RACE_NOTIFICATIONS; index += 1) await store.enqueueNotification(raceNotification(index));
    const sent = await race(engine, 'claim', 3);
    const all = sent.flat();
    expect(all).toHaveLength(RACE_NOTIFICATIONS);
    expect(new Set(all).size).toBe(RACE_NOTIFICATIONS);
    // Each racer took part: the claims interleaved rather than one process draining the queue alone.
    expect(sent.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    const rows = await store.listNotifications({ limit: RACE_NOTIFICATIONS + 1 });
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1 && row.claimedBy === null)).toBe(true);
  });
});
