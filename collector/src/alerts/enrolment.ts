// Alerts about enrolment itself, for the people who look after devices (category availability: never
// shown to the DSL): a school's enrolment limit reached, a device that enrolled with the identity of another.
import { timeInWords } from '../policy/facts.ts';
import type { EnrolmentLimits } from '../store/enrolment-types.ts';
import type { AlertDraft, DeviceRef } from './rules.ts';

export type EnrolmentLimitName = keyof EnrolmentLimits;

/** Not a clause of the school's policy: the collector's own rule about who may join a school. */
const ENROLMENT_CLAUSE = {
  clauseId: 'collector-enrolment',
  clauseText: 'Only the school\'s own devices are enrolled, with the school\'s enrolment secret.',
};

const HOUR_MS = 3_600_000;

export const alertForEnrolmentLimit = (
  schoolId: string, limit: EnrolmentLimitName, limits: EnrolmentLimits, hostname: string, at: number,
): AlertDraft => {
  const perHour = limit === 'perHour';
  const cap = limits[limit];
  return {
    category: 'availability',
    severity: 'critical',
    // Per hour: one alert per hour of refusals, counting each; in total: one until resolved.
    dedupKey: perHour ? `enrolment-limit:${schoolId}:per-hour:${Math.floor(at / HOUR_MS)}` : `enrolment-limit:${schoolId}:total`,
    title: perHour
      ? `School ${schoolId} reached its limit of ${cap} enrolments an hour`
      : `School ${schoolId} reached its limit of ${cap} enrolled devices`,
    summary: `A device calling itself "${hostname}" was refused at ${timeInWords(at)}. If the school is not enrolling `
      + 'devices now, its enrolment secret has leaked: rotate it and revoke devices you do not recognise. Otherwise raise the '
      + `limit with \`invigilator-collector school limits --id ${schoolId}\`.`,
    ...ENROLMENT_CLAUSE,
    detail: { schoolId, limit: perHour ? 'per-hour' : 'total', cap, refusedHostname: hostname },
  };
};

export interface IdentityClash { original: DeviceRef & { enrolledAt: number }; reason: string }

export const alertForDuplicateDevice = (device: DeviceRef, clash: IdentityClash): AlertDraft => ({
  category: 'availability',
  severity: 'critical',
  dedupKey: `enrolment-duplicate:${device.id}`,
  title: `A second device calls itself ${device.hostname}`,
  summary: `Device ${device.id} ${clash.reason}, already enrolled on ${timeInWords(clash.original.enrolledAt)} as device `
    + `${clash.original.id}. Until an admin confirms it (\`invigilator-collector device confirm --id ${device.id}\`) it is `
    + 'flagged beside every alert it raises. A laptop re-imaged and enrolled again looks like this: revoke the old device. '
    + 'Otherwise the school\'s enrolment secret may have leaked.',
  ...ENROLMENT_CLAUSE,
  detail: { deviceId: device.id, hostname: device.hostname, duplicateOf: clash.original.id, reason: clash.reason },
});

/** The school holds new devices: the admin is told one is waiting, and how to let it in. */
export const alertForHeldDevice = (device: DeviceRef): AlertDraft => ({
  category: 'availability',
  severity: 'warning',
  dedupKey: `enrolment-held:${device.id}`,
  title: `${device.hostname} enrolled and waits for approval`,
  summary: `Device ${device.id} (${device.hostname}) enrolled. The school holds new devices: its reports are stored and judged, `
    + `but raise no alerts until an admin approves it with \`invigilator-collector device approve --id ${device.id}\`. `
    + 'If it is not one of the school\'s devices, revoke it.',
  ...ENROLMENT_CLAUSE,
  detail: { deviceId: device.id, hostname: device.hostname },
});
