// What the racers of concurrency.test.ts write: the same batches, alerts and enrolments in every process.
import type { AlertDraft } from '../../../src/alerts/rules.ts';
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
