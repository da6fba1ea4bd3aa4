// Daily at 02:30: deletes the records each school's policy pack says it no longer keeps.
import { cronTask } from './cron.ts';
import { codeOf } from '@invigilator/shared/errors.ts';
import type { Logger } from '@invigilator/shared/logger.ts';
import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import type { Metrics } from '../metrics.ts';
import { policyPackFor } from '../school-policy.ts';
import type { Store, StoreOps } from '../store/types.ts';

// Before the school day, when agents are quiet and the write lock is cheap to hold.
export const RETENTION_SCHEDULE = '30 2 * * *';
const DAY_MS = 86_400_000;

interface RetentionRule {
  kind: string;
  days: keyof PolicyPack['retention'];
  remove: (tx: StoreOps, schoolId: string, before: number) => Promise<number>;
}

/** Each kind of record, the pack setting that says how long it is kept, and how it is deleted. */
const RETENTION_RULES = [
  { kind: 'observation', days: 'observationDays', remove: (tx, schoolId, before) => tx.deleteEventsBefore(schoolId, 'observation', before) },
  { kind: 'misuse', days: 'misuseDays', remove: (tx, schoolId, before) => tx.deleteEventsBefore(schoolId, 'misuse', before) },
  // The agent's stops (shutdowns, restarts, service stopped) tell a device's health: kept as long as its observations.
  { kind: 'lifecycle', days: 'observationDays', remove: (tx, schoolId, before) => tx.deleteEventsBefore(schoolId, 'lifecycle', before) },
  { kind: 'resolved_alert', days: 'resolvedAlertDays', remove: (tx, schoolId, before) => tx.deleteResolvedAlertsBefore(schoolId, before) },
  { kind: 'audit', days: 'auditDays', remove: (tx, schoolId, before) => tx.deleteAuditBefore(schoolId, before) },
  // The verdict-change history tells how a device's health moved: kept as long as its observations.
  { kind: 'verdict_change', days: 'observationDays', remove: (tx, schoolId, before) => tx.deleteVerdictChangesBefore(schoolId, before) },
  // The delivery log (who was told of which alert, when; no text): kept as long as the misuse events it tells of.
  { kind: 'notification', days: 'misuseDays', remove: (tx, schoolId, before) => tx.deleteNotificationsBefore(schoolId, before) },
] as const satisfies readonly RetentionRule[];

export type RetentionKind = (typeof RETENTION_RULES)[number]['kind'];
export type DeletedCounts = Record<RetentionKind, number>;

/**
 * Deletes one school's expired records, each kind in its own transaction so a
 * large backlog never holds one long lock; `onDeleted` hears each committed count.
 */
export const purgeSchool = async (
  store: Store, schoolId: string, now: Date, onDeleted: (kind: RetentionKind, count: number) => void = () => {},
): Promise<DeletedCounts> => {
  const { retention } = await policyPackFor(store, schoolId);
  const deleted = {} as DeletedCounts;
  for (const rule of RETENTION_RULES) {
    const before = now.getTime() - retention[rule.days] * DAY_MS;
    deleted[rule.kind] = await store.transaction((tx) => rule.remove(tx, schoolId, before));
    onDeleted(rule.kind, deleted[rule.kind]);
  }
  return deleted;
};

/** One pass over every school; a school that fails is logged and the rest still run. Returns each purged school's counts. */
export const applyRetention = async (
  store: Store, logger: Logger, metrics: Pick<Metrics, 'retentionDeleted'>, now: Date,
): Promise<Map<string, DeletedCounts>> => {
  const purged = new Map<string, DeletedCounts>();
  for (const school of await store.listSchools()) {
    try {
      const deleted = await purgeSchool(store, school.id, now, (kind, count) => metrics.retentionDeleted.add(count, kind));
      purged.set(school.id, deleted);
      logger.info({ schoolId: school.id, deleted }, 'Records older than the school\'s retention period deleted.');
    } catch (error) {
      logger.error({ code: codeOf(error), schoolId: school.id, err: error },
        `Could not delete old records of school ${school.id}; the other schools are done as usual and the next run tries this one again.`);
    }
  }
  // Sign-in sessions belong to no school: each is kept a day past its absolute end, then goes.
  const sessions = await store.deleteSessionsExpiredBefore(now.getTime() - DAY_MS);
  if (sessions > 0) logger.info({ sessions }, 'Expired sign-in sessions deleted.');
  return purged;
};

export const createRetentionJob = (
  store: Store, logger: Logger, metrics: Pick<Metrics, 'retentionDeleted'>, expression = RETENTION_SCHEDULE,
) => {
  const runOnce = async (now = new Date()): Promise<void> => {
    try {
      await applyRetention(store, logger, metrics, now);
    } catch (error) {
      logger.error({ code: codeOf(error), err: error }, 'Could not list the schools to delete old records; the next run tries again.');
    }
  };
  return {
    runOnce,
    ...cronTask('retention', expression, () => runOnce()),
  };
};
