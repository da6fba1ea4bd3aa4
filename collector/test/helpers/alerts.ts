// Test helper: alerts raised, acknowledged and resolved through the one lifecycle, as the collector does.
import { acknowledgeAlert, raiseAlert, resolveByPerson } from '../../src/alerts/lifecycle.ts';
import type { AlertDraft } from '../../src/alerts/rules.ts';
import type { Store } from '../../src/store/types.ts';

export interface TestAlert extends Omit<AlertDraft, 'severity' | 'check'> { schoolId: string; deviceId: string; severity: string; check?: string | null; at: number }

/** Raises an alert for the device (counting a repeat) and returns its id. */
export const raiseTestAlert = (store: Store, input: TestAlert): Promise<string> => store.transaction(async (tx) => {
  const device = { id: input.deviceId, hostname: String(input.detail.hostname ?? input.deviceId), schoolId: input.schoolId };
  const { check, at, schoolId: _school, deviceId: _device, ...draft } = input;
  const { alert } = await raiseAlert(tx, device, { ...draft, ...(check ? { check: check as AlertDraft['check'] } : {}) } as AlertDraft, at,
    { countRepeat: true, reopenAfterManualResolve: false });
  if (!alert) throw new Error('no alert raised');
  return alert.id;
});

export const acknowledgeTestAlert = (store: Store, id: string, at: number, by: string) =>
  store.transaction(async (tx) => acknowledgeAlert(tx, (await tx.getAlert(id))!, at, by));

export const resolveTestAlert = (store: Store, id: string, at: number, by: string) =>
  store.transaction(async (tx) => {
    const alert = (await tx.getAlert(id))!;
    return alert.status === 'resolved' ? alert : resolveByPerson(tx, alert, at, by);
  });
