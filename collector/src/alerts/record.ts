// A draft from the rules raised through the one lifecycle (a repeat counts on the open alert).
import type { StoreOps } from '../store/types.ts';
import { raiseAlert } from './lifecycle.ts';
import type { AlertDraft, DeviceRef } from './rules.ts';

/**
 * `device` may be a school alone (id null) for an alert about no one device, such as an enrolment limit.
 * A device held for approval raises nothing: undefined then.
 */
export const recordAlert = async (
  tx: StoreOps, device: Pick<DeviceRef, 'schoolId' | 'held'> & { id: string | null; hostname?: string }, draft: AlertDraft, at: number,
) => (device.held ? undefined
  : (await raiseAlert(tx, { ...device, hostname: device.hostname ?? '' }, draft, at, { countRepeat: true, reopenAfterManualResolve: false })).alert);
