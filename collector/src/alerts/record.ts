// Turns an alert draft from the rules into a stored alert (a repeat counts on the open one).
import type { AlertDraft, DeviceRef } from './rules.ts';
import type { StoreOps } from '../store/types.ts';

/**
 * `device` may be a school alone (id null) for an alert about no one device, such as an enrolment limit.
 * A device held for approval raises nothing: undefined then.
 */
export const recordAlert = async (
  tx: Pick<StoreOps, 'upsertAlert'>, device: Pick<DeviceRef, 'schoolId' | 'held'> & { id: string | null }, draft: AlertDraft, at: number,
) => (device.held ? undefined : tx.upsertAlert({
    schoolId: device.schoolId,
    deviceId: device.id,
    category: draft.category,
    severity: draft.severity,
    dedupKey: draft.dedupKey,
    title: draft.title,
    summary: draft.summary,
    check: draft.check ?? null,
    clauseId: draft.clauseId,
    clauseText: draft.clauseText,
    detail: { ...draft.detail },
    at,
  }));
