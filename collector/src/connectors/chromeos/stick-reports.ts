// One stick on a Chromebook can be reported twice: by the extension within seconds, and by Google Admin's USB
// telemetry at the connector's next sync. It is one insertion, so one incident: whichever report comes second is
// stored for the DSL's timeline but raises nothing when the other source already reported an insertion near it.
import { CONNECTOR_SEQ_BASE } from '@invigilator/shared/wire.ts';
import type { StoreOps } from '../../store/types.ts';

/** Telemetry's reportTime trails the insertion by the device's upload delay; the extension's time is the device clock. */
export const SAME_STICK_WINDOW_MS = 10 * 60_000;
/** The newest misuse events looked through: far more than a device's stick reports in a window. */
const LOOKED_THROUGH = 200;

export const otherSourceSawStick = async (
  tx: Pick<StoreOps, 'listEvents'>, deviceId: string, occurredAt: number, fromConnector: boolean,
): Promise<boolean> => {
  const recent = await tx.listEvents({ deviceId, kinds: ['misuse'], limit: LOOKED_THROUGH });
  return recent.some((event) => (event.seq > CONNECTOR_SEQ_BASE) !== fromConnector
    && event.payload.kind === 'MEDIA_ATTACHED' && Math.abs(event.occurredAt - occurredAt) <= SAME_STICK_WINDOW_MS);
};
