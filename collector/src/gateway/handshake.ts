// The first frame of a connection: enrolment (secret → device credential) or Hello.
import { randomUUID } from 'node:crypto';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { agentSettingsFor } from '@invigilator/shared/policy/validate.ts';
import type { invigilator } from '@invigilator/shared/generated/invigilator.js';
import { BY_COLLECTOR, resolveByDevice } from '../alerts/lifecycle.ts';
import { silenceDedupKey, type DeviceRef } from '../alerts/rules.ts';
import { hashSecret, newSecret, secretMatches } from '../secrets.ts';
import { policyPackFor } from '../school-policy.ts';
import type { Store } from '../store/types.ts';
import { agentConfigFrom, factsToJson } from './frames.ts';

type EnrolRequest = invigilator.v1.EnrolRequest.$Properties;
type Hello = invigilator.v1.Hello.$Properties;

export const RESOLVED_BY_DEVICE = BY_COLLECTOR.deviceBack;

export const enrolDevice = async (store: Store, request: EnrolRequest, now: number) => {
  const secret = request.enrolmentSecret ?? '';
  // Every school is compared, so the time taken does not tell which one nearly matched.
  const schools = await store.listSchools();
  const matches = schools.filter((school) => secretMatches(secret, school.enrolmentSecretHash));
  const school = matches[0];
  if (!school || secret === '') throw new InvigilatorError('ENROLMENT_SECRET_INVALID');
  const facts = factsToJson(request.facts);
  const device: DeviceRef = { id: randomUUID(), hostname: String(facts.hostname ?? ''), schoolId: school.id };
  const deviceCredential = newSecret();
  await store.createDevice({
    ...device, facts, credentialHash: hashSecret(deviceCredential), enrolledAt: now, lastSeenAt: now, revokedAt: null,
  });
  return { device, response: { deviceId: device.id, deviceCredential, schoolId: school.id } };
};

export const greetDevice = async (store: Store, hello: Hello, now: number) => {
  const device = hello.deviceId ? await store.getDevice(hello.deviceId) : undefined;
  // A made-up hash keeps the unknown-device path as slow as the wrong-credential path.
  const expectedHash = device?.credentialHash ?? hashSecret(newSecret());
  if (!secretMatches(hello.deviceCredential ?? '', expectedHash) || !device) throw new InvigilatorError('AUTH_FAILED');
  if (device.revokedAt !== null) throw new InvigilatorError('AUTH_REVOKED');
  const facts = hello.facts ? factsToJson(hello.facts) : undefined;
  const hostname = facts ? String(facts.hostname ?? device.hostname) : device.hostname;
  const ref: DeviceRef = { id: device.id, hostname, schoolId: device.schoolId };
  // Heard from again: a "device silent" alert is over.
  await store.transaction(async (tx) => {
    await tx.markDeviceSeen(device.id, now, facts && { hostname, facts });
    await resolveByDevice(tx, device.schoolId, silenceDedupKey(ref), now, RESOLVED_BY_DEVICE);
  });
  const [committedSeq, pack] = await Promise.all([store.highestSeq(device.id), policyPackFor(store, device.schoolId)]);
  return {
    device: ref,
    welcome: { committedSeq, config: agentConfigFrom(agentSettingsFor(pack)) },
  };
};
