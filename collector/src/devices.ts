// Devices an administrator acts on: a lost or stolen laptop's credential is revoked, its data kept.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import type { Device, StoreOps } from './store/types.ts';

export const deviceById = async (store: Pick<StoreOps, 'getDevice'>, id: string): Promise<Device> => {
  const device = await store.getDevice(id);
  if (!device) throw new InvigilatorError('DEVICE_UNKNOWN', `(${id})`);
  return device;
};

/** Revokes the device's credential: from now on the gateway refuses it with AUTH_REVOKED. */
export const revokeDevice = async (store: Pick<StoreOps, 'getDevice' | 'revokeDevice'>, id: string, now: number) => {
  const device = await deviceById(store, id);
  return { device, changed: await store.revokeDevice(id, now) };
};
