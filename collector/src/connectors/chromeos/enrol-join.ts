// A Chromebook's extension enrols with the directory device id Google Admin knows it by: it joins the device the
// connector made for it (one Chromebook is one device), or makes the device the connector will join later.
import type { Device, JsonObject, Store, StoreOps } from '../../store/types.ts';

const directoryIdOf = (facts: JsonObject): string | undefined =>
  facts.platform === 'PLATFORM_CHROMEOS' && typeof facts.directoryDeviceId === 'string' && facts.directoryDeviceId !== ''
    ? facts.directoryDeviceId : undefined;

/**
 * The existing device of this Chromebook, now holding the extension's new credential, or undefined when there is none
 * (not a Chromebook, no directory id, or not yet known). Re-enrolment is expected: a Powerwash wipes the extension's storage.
 */
export const joinEnrollingChromebook = async (
  store: Store, schoolId: string, facts: JsonObject, credentialHash: string, now: number,
): Promise<Device | undefined> => {
  const directoryDeviceId = directoryIdOf(facts);
  if (!directoryDeviceId) return undefined;
  return store.transaction(async (tx) => {
    const row = await tx.getChromeosDevice(schoolId, directoryDeviceId);
    const existing = row?.deviceId ? await tx.getDevice(row.deviceId) : undefined;
    if (!existing) return undefined;
    // Google Admin's name for it (the asset id) stays; the extension's facts join the connector's.
    const seen = { hostname: existing.hostname, facts: { ...existing.facts, ...facts, hostname: existing.hostname } };
    await tx.setChromebookCredential(existing.id, credentialHash, seen, now);
    return { ...existing, ...seen, credentialHash };
  });
};

/** Records a newly made Chromebook device under its directory id, for the connector to join when it reads it. */
export const rememberEnrolledChromebook = async (
  tx: Pick<StoreOps, 'linkChromeosDevice'>, device: { id: string; schoolId: string; facts: JsonObject }, at: number,
): Promise<void> => {
  const directoryDeviceId = directoryIdOf(device.facts);
  if (directoryDeviceId) await tx.linkChromeosDevice(device.schoolId, directoryDeviceId, device.id, at);
};
