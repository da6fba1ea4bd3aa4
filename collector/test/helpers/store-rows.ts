// Test helper: rows of each kind retention deletes, written through the Store, with chosen times.
import { raiseAlert, resolveByPerson } from '../../src/alerts/lifecycle.ts';
import type { EventKind, Store } from '../../src/store/types.ts';

export const DAY = 86_400_000;

/** A school with one device, `<schoolId>-dev`. */
export const addSchoolWithDevice = async (store: Store, schoolId: string): Promise<string> => {
  const deviceId = `${schoolId}-dev`;
  await store.createSchool({ id: schoolId, name: `${schoolId} school`, enrolmentSecretHash: 'ab'.repeat(32), createdAt: 1 });
  await store.createDevice({
    id: deviceId, schoolId, hostname: `${schoolId}-lab-01`, facts: {}, credentialHash: 'cd'.repeat(32),
    enrolledAt: 1, lastSeenAt: null, revokedAt: null,
  });
  return deviceId;
};

export const addEvent = (store: Store, deviceId: string, seq: number, kind: EventKind, occurredAt: number) =>
  store.insertEvent({
    deviceId, seq, occurredAt, receivedAt: occurredAt, kind, checkName: kind === 'observation' ? 'firewall' : null,
    payload: kind === 'observation' ? { check: 'firewall', status: 'COLLECTED' }
      : kind === 'lifecycle' ? { reason: 'STOP_REASON_SYSTEM_SHUTDOWN', signal: 'SIGTERM' } : { kind: 'MEDIA_ATTACHED', user: 'pupil7' },
  });

/** The current firewall verdict of a device, judged from the event `seq`. */
export const addVerdict = (store: Store, deviceId: string, seq: number, at: number) =>
  store.putVerdict({
    deviceId, check: 'firewall', status: 'fail', reasonCode: 'FIREWALL_OFF', reason: 'The firewall is off.',
    clauseId: 'firewall', clauseText: 'Firewalls are switched on at all times.', since: at, evaluatedAt: at, seq,
  });

/** An alert opened at `openedAt`, and resolved at `resolvedAt` unless that is null. */
export const addAlert = async (
  store: Store, schoolId: string, dedupKey: string, openedAt: number, resolvedAt: number | null,
): Promise<string> => {
  const device = { id: `${schoolId}-dev`, hostname: `${schoolId}-lab-01`, schoolId };
  return store.transaction(async (tx) => {
    const { alert } = await raiseAlert(tx, device, {
      category: 'misuse', severity: 'critical', dedupKey, title: 'Files copied', summary: 'Files copied to a memory stick.',
      clauseId: 'removable-media', clauseText: 'No memory sticks.', detail: { user: 'pupil7' },
    }, openedAt, { countRepeat: true, reopenAfterManualResolve: false });
    if (!alert) throw new Error('no alert raised');
    if (resolvedAt !== null) await resolveByPerson(tx, alert, resolvedAt, 'dsl:head');
    return alert.id;
  });
};

export const addAudit = (store: Store, schoolId: string | null, at: number, target: string) =>
  store.appendAudit({
    at, personEmail: 'head@north.sch.uk', tokenId: 'token-1', sessionId: null, roles: ['dsl'], label: 'Head of year', action: 'view', target, schoolId,
  });

export const eventSeqs = async (store: Store, deviceId: string, kind: EventKind): Promise<number[]> =>
  (await store.listEvents({ deviceId, kinds: [kind], limit: 1000 })).map((event) => event.seq).sort((a, b) => a - b);

export const alertKeys = async (store: Store, schoolId: string): Promise<string[]> =>
  (await store.listAlerts({ schoolId, categories: ['misuse'], limit: 1000 })).map((alert) => alert.dedupKey).sort();

export const auditTargets = async (store: Store, schoolId?: string): Promise<string[]> =>
  (await store.listAudit({ limit: 1000, ...(schoolId === undefined ? {} : { schoolId }) })).map((entry) => entry.target).sort();
