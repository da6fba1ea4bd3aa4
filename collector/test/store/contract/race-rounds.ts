// What the racers of concurrency.test.ts write: the same batches, alerts and enrolments in every process.
import type { AlertDraft } from '../../../src/alerts/rules.ts';
import type { NotificationRow } from '../../../src/store/delivery-types.ts';
import type { Store } from '../../../src/store/types.ts';
import type { Event } from '@invigilator/shared/wire.ts';
import { sampleFileWritten, sampleObservation } from '../../../../test/support/sim-agent.ts';

export const RACE_ROUNDS = 20;
export const RACE_TIME = Date.UTC(2026, 10, 30, 9);
export const RACE_DEVICE = { id: 'north-dev', hostname: 'north-lab-01', schoolId: 'north' };
const BATCH = 40;

/** Round r's batch: firewall reports, off at the start and on again, and one file copied to a stick. */
export const raceBatch = (round: number): Event[] => Array.from({ length: BATCH }, (_, index) => {
  const seq = round * BATCH + index + 1;
  const at = RACE_TIME + seq * 1000;
  if (index === BATCH - 1) return { ...sampleFileWritten(seq, `essay-${round}.docx`), occurredAtMs: at };
  const event = sampleObservation(seq);
  return { ...event, occurredAtMs: at, observation: { ...event.observation, firewall: { ...event.observation?.firewall, enabled: index < 3 ? 2 : 1 } } };
});

export const raceAlertDraft = (round: number): AlertDraft => ({
  category: 'posture', severity: round % 2 === 0 ? 'warning' : 'critical', dedupKey: `race:${round % 5}`,
  title: 'Raced', summary: `Round ${round}`, clauseId: 'firewall', clauseText: 'Firewalls are on.', detail: { round },
});

/** Round r enrols one device into school `enrol-<r>`, whose limit lets one in. */
export const raceEnrolmentSecret = (round: number): string => `race-secret-${round}`;
export const raceEnrolment = (round: number) => ({
  enrolmentSecret: raceEnrolmentSecret(round), facts: { hostname: `lab-${process.pid}-${round}`, platform: 1 },
});

/** The notifications the claim racers share: each due at once, none claimed. */
export const RACE_NOTIFICATIONS = 300;
export const raceNotification = (index: number): NotificationRow => ({
  id: `race-n-${String(index).padStart(4, '0')}`, schoolId: 'north', alertId: null, channelId: 'race-channel', personId: null,
  recipient: 'dsl@north.sch.uk', reason: 'summary', category: null, about: null, status: 'pending', attempts: 0,
  nextAttemptAt: RACE_TIME - index, lastError: null, createdAt: RACE_TIME - index, sentAt: null, claimedBy: null, claimUntil: null,
});
/** One look by a racing dispatcher: a few at a time, as the dispatcher takes them, with a lease longer than the race. */
export const claimRound = (store: Store, claimant: string) =>
  store.claimDueNotifications({ claimant, now: RACE_TIME, leaseMs: 600_000, limit: 3 });
