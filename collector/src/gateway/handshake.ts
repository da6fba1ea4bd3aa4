// The first frame of a connection: enrolment (secret → device credential) or Hello.
import { randomUUID } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { agentSettingsFor } from '@invigilator/shared/policy/validate.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import { alertForDuplicateDevice, alertForEnrolmentLimit, alertForHeldDevice, type IdentityClash } from '../alerts/enrolment.ts';
import { recordAlert } from '../alerts/record.ts';
import { resolveByDevice } from '../alerts/lifecycle.ts';
import { silenceDedupKey, stopDedupKey, type DeviceRef } from '../alerts/rules.ts';
import { hashSecret, newSecret, secretMatches } from '../secrets.ts';
import { policyPackFor } from '../school-policy.ts';
import type { Store, StoreOps } from '../store/types.ts';
import { agentConfigFrom, factsToJson } from './frames.ts';
import { joinEnrollingChromebook, rememberEnrolledChromebook } from '../connectors/chromeos/enrol-join.ts';
import { seriesForHello } from './series.ts';

type EnrolRequest = invigilator.v1.EnrolRequest.$Properties;
type Hello = invigilator.v1.Hello.$Properties;

export const RESOLVED_BY_DEVICE = 'collector: the device reported in again';
const HOUR_MS = 3_600_000;

const identityOf = (facts: Record<string, unknown>) => ({
  hostname: String(facts.hostname ?? ''), serial: String(facts.hardwareSerial ?? ''),
});

/** The enrolled device (oldest first) that already carries this host name or hardware serial, and how. */
const identityClash = async (
  tx: StoreOps, schoolId: string, deviceId: string, hostname: string, serial: string,
): Promise<IdentityClash | undefined> => {
  const original = (await tx.findDevicesByIdentity(schoolId, hostname, serial)).find((other) => other.id !== deviceId);
  if (!original) return undefined;
  const sameName = hostname !== '' && original.hostname.toLowerCase() === hostname.toLowerCase();
  const sameSerial = serial !== '' && original.facts.hardwareSerial === serial;
  const gave = [sameName ? `the host name "${hostname}"` : '', sameSerial ? `the hardware serial "${serial}"` : ''].filter(Boolean);
  return {
    original: { id: original.id, hostname: original.hostname, schoolId, enrolledAt: original.enrolledAt },
    reason: `gave ${gave.join(' and ')}`,
  };
};

export const enrolDevice = async (store: Store, request: EnrolRequest, now: number) => {
  const secret = request.enrolmentSecret ?? '';
  // Every school is compared, so the time taken does not tell which one nearly matched.
  const schools = await store.listSchools();
  const matches = schools.filter((school) => secretMatches(secret, school.enrolmentSecretHash));
  const school = matches[0];
  if (!school || secret === '') throw new InvigilatorError('ENROLMENT_SECRET_INVALID');
  const facts = factsToJson(request.facts);
  const deviceCredential = newSecret();
  // A Chromebook the Google Admin connector (or an earlier enrolment) already made a device of takes that device back.
  const joined = await joinEnrollingChromebook(store, school.id, facts, hashSecret(deviceCredential), now);
  if (joined) {
    const device: DeviceRef = { id: joined.id, hostname: joined.hostname, schoolId: school.id };
    return { device, clash: undefined, response: { deviceId: device.id, deviceCredential, schoolId: school.id } };
  }
  const { hostname, serial } = identityOf(facts);
  const device: DeviceRef = { id: randomUUID(), hostname, schoolId: school.id };
  // One transaction holding the school: counting and creating cannot interleave with another enrolment of it,
  // whichever collector takes that one.
  const outcome = await store.transaction(async (tx) => {
    await tx.lockSchool(school.id);
    const limits = await tx.getEnrolmentLimits(school.id);
    const counts = await tx.countEnrolments(school.id, now - HOUR_MS);
    const reached = counts.sinceCount >= limits.perHour ? 'perHour' : counts.total >= limits.total ? 'total' : undefined;
    if (reached) {
      await recordAlert(tx, { schoolId: school.id, id: null }, alertForEnrolmentLimit(school.id, reached, limits, hostname, now), now);
      return { refused: reached } as const;
    }
    const clash = await identityClash(tx, school.id, device.id, hostname, serial);
    const held = await tx.getHoldNewDevices(school.id);
    await tx.createDevice({
      ...device, facts, credentialHash: hashSecret(deviceCredential), enrolledAt: now, lastSeenAt: now, revokedAt: null,
      duplicateOf: clash?.original.id ?? null, duplicateReason: clash?.reason ?? null, heldSince: held ? now : null,
    });
    await rememberEnrolledChromebook(tx, { ...device, facts }, now);
    if (clash) await recordAlert(tx, device, alertForDuplicateDevice(device, clash), now);
    if (held) await recordAlert(tx, device, alertForHeldDevice(device), now);
    return { clash };
  });
  if ('refused' in outcome) {
    throw new InvigilatorError('ENROLMENT_LIMIT_REACHED', `(school ${school.id}, ${outcome.refused === 'perHour' ? 'per hour' : 'in total'})`);
  }
  return { device, clash: outcome.clash, response: { deviceId: device.id, deviceCredential, schoolId: school.id } };
};

export type Greeting = Awaited<ReturnType<typeof greetDeviceIn>>;

export const greetDevice = (store: Store, hello: Hello, now: number): Promise<Greeting> =>
  store.transaction((tx) => greetDeviceIn(tx, hello, now));

/** Checks the device's credential and records the Hello, inside the caller's transaction. */
export const greetDeviceIn = async (tx: StoreOps, hello: Hello, now: number) => {
  // Held until commit: a batch or another greeting of the device waits, so the series chosen here stands.
  const device = hello.deviceId ? await tx.lockDevice(hello.deviceId) : undefined;
  // A made-up hash keeps the unknown-device path as slow as the wrong-credential path.
  const expectedHash = device?.credentialHash ?? hashSecret(newSecret());
  if (!secretMatches(hello.deviceCredential ?? '', expectedHash) || !device) throw new InvigilatorError('AUTH_FAILED');
  if (device.revokedAt !== null) throw new InvigilatorError('AUTH_REVOKED');
  // A Chromebook's facts from Google Admin (the connector's `chromeos`) are not the extension's to replace.
  const reported = hello.facts ? factsToJson(hello.facts) : undefined;
  const facts = reported && device.facts.chromeos !== undefined ? { ...reported, chromeos: device.facts.chromeos } : reported;
  const hostname = facts ? String(facts.hostname ?? device.hostname) : device.hostname;
  const ref: DeviceRef = { id: device.id, hostname, schoolId: device.schoolId };
  await tx.markDeviceSeen(device.id, now, facts && { hostname, facts });
  // Heard from again: a "device silent" or "agent stopped" alert is over.
  await resolveByDevice(tx, device.schoolId, silenceDedupKey(ref), now, RESOLVED_BY_DEVICE);
  await resolveByDevice(tx, device.schoolId, stopDedupKey(ref), now, RESOLVED_BY_DEVICE);
  // A device that takes another's name after enrolling is flagged as one that enrolled with it.
  const next = facts && identityOf(facts);
  const renamed = next && (next.hostname !== device.hostname || next.serial !== String(device.facts.hardwareSerial ?? ''));
  const found = renamed && device.duplicateOf === null ? await identityClash(tx, device.schoolId, device.id, next.hostname, next.serial) : undefined;
  if (found) {
    await tx.flagDuplicate(device.id, found.original.id, found.reason);
    await recordAlert(tx, ref, alertForDuplicateDevice(ref, found), now);
  }
  const series = await seriesForHello(tx, device.id, hello);
  const pack = await policyPackFor(tx, device.schoolId);
  return { device: ref, clash: found, welcome: { ...series.welcome, config: agentConfigFrom(agentSettingsFor(pack)) }, series };
};
