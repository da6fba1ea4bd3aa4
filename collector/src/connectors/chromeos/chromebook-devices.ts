// Each Chromebook read from Google Admin is a device of the school: made on first sight (or found, when the extension
// enrolled it first), its facts refreshed, and its state observed and judged like any device's.
import { randomUUID } from 'node:crypto';
import { resolveByDevice } from '../../alerts/lifecycle.ts';
import { silenceDedupKey, type DeviceRef } from '../../alerts/rules.ts';
import { storeConnectorObservations, CONNECTOR_SEQ_BASE } from '../../gateway/ingest.ts';
import { RESOLVED_BY_DEVICE } from '../../gateway/handshake.ts';
import { hashSecret, newSecret } from '../../secrets.ts';
import { policyPackFor } from '../../school-policy.ts';
import type { JsonObject, StoreOps } from '../../store/types.ts';
import type { ChromebookRecord } from './chromebook-record.ts';
import { chromebookObservations } from './observations.ts';

/** Google's statuses for a Chromebook that has left the school's fleet. */
const GONE_STATUSES = new Set(['DEPROVISIONED', 'DISABLED']);

export const chromebookHostname = (record: ChromebookRecord): string =>
  record.assetId ?? record.serialNumber ?? `Chromebook ${record.directoryDeviceId.slice(0, 8)}`;

/** The device facts, in the shape an agent's Hello gives them, with Google Admin's own beside them. */
export const chromebookFacts = (record: ChromebookRecord): JsonObject => ({
  hostname: chromebookHostname(record),
  platform: 'PLATFORM_CHROMEOS',
  osName: 'ChromeOS',
  ...(record.osVersion ? { osVersion: record.osVersion } : {}),
  ...(record.serialNumber ? { hardwareSerial: record.serialNumber } : {}),
  ...(record.model ? { hardwareModel: record.model } : {}),
  chromeos: {
    directoryDeviceId: record.directoryDeviceId, assetId: record.assetId, bootMode: record.bootMode,
    autoUpdateExpiration: record.autoUpdateExpiration, lastSync: record.lastSync, orgUnitPath: record.orgUnitPath,
    status: record.status, platformVersion: record.platformVersion,
  },
});


/** Makes or refreshes the Chromebook's device and judges what the record shows; `now` is when it was read. */
export const recordChromebook = async (tx: StoreOps, schoolId: string, record: ChromebookRecord, now: number): Promise<DeviceRef> => {
  const row = await tx.getChromeosDevice(schoolId, record.directoryDeviceId);
  const existing = row?.deviceId ? await tx.getDevice(row.deviceId) : undefined;
  const facts = chromebookFacts(record);
  const device: DeviceRef = { id: existing?.id ?? randomUUID(), hostname: String(facts.hostname), schoolId };
  const seenAt = record.lastSync ?? now;
  if (existing) {
    // The extension's facts (what it learnt on the device) stay; Google Admin's refresh their own.
    await tx.markDeviceSeen(device.id, seenAt, { hostname: device.hostname, facts: { ...existing.facts, ...facts } });
  } else {
    // No credential anyone holds: the device is the connector's until the extension enrols and joins it.
    await tx.createDevice({ ...device, facts, credentialHash: hashSecret(newSecret()), enrolledAt: now, lastSeenAt: seenAt, revokedAt: null });
    await tx.linkChromeosDevice(schoolId, record.directoryDeviceId, device.id, now);
  }
  if (record.status !== null && GONE_STATUSES.has(record.status)) {
    // Deprovisioned or disabled in Google Admin: out of the fleet, so no silence alerts and no verdicts from now on.
    await tx.revokeDevice(device.id, now);
    return device;
  }
  await resolveByDevice(tx, schoolId, silenceDedupKey(device), now, RESOLVED_BY_DEVICE);
  const pack = await policyPackFor(tx, schoolId);
  const observations = chromebookObservations(record, now, pack.checks.antivirus.chromeosMaxVersionsBehind);
  const firstSeq = await tx.takeConnectorSeqs(schoolId, record.directoryDeviceId, observations.length, CONNECTOR_SEQ_BASE);
  await storeConnectorObservations(tx, device, firstSeq, observations, now, now);
  return device;
};
