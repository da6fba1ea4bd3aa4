// Google Admin's USB telemetry (Chrome Management API customers.telemetry.events, USB_ADDED / USB_REMOVED): each
// storage device a Chromebook saw becomes a misuse event of that Chromebook, stored in the connector's series and
// alerted by the same rules as a stick the extension reports (and not twice when it did). Read from where the last
// sync stopped, with an hour's overlap since devices upload late; an event already stored (by its name) is skipped.
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { MisuseKind, type MisuseEvent } from '@invigilator/shared/wire.ts';
import { CONNECTOR_SEQ_BASE, storeConnectorMisuse } from '../../gateway/ingest.ts';
import type { Store } from '../../store/types.ts';
import { getGoogleJson } from './google-api.ts';
import type { GoogleHttpOptions } from './google-http.ts';
import type { TokenSource } from './google-token.ts';

export const CHROME_MANAGEMENT_API_BASE = 'https://chromemanagement.googleapis.com';
/** The first read looks a day back; later reads overlap the last by an hour (uploads arrive late). */
const FIRST_LOOK_BACK_MS = 24 * 3_600_000;
const OVERLAP_MS = 3_600_000;
const PAGE_SIZE = 1000;
const MAX_PAGES = 1000;
/** USB class 08h, mass storage (usb.org defined class codes). */
const MASS_STORAGE_CLASS = 8;

export interface UsbPeripheral { vendor: string; name: string; storage: boolean }

export interface UsbTelemetryEvent {
  /** The event's resource name, unique: what makes a re-read harmless. */
  name: string;
  directoryDeviceId: string;
  reportTime: number;
  added: boolean;
  user: string | null;
  peripherals: UsbPeripheral[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export const readUsbTelemetryEvent = (raw: Record<string, unknown>): UsbTelemetryEvent | undefined => {
  const type = text(raw.eventType);
  const reportTime = Date.parse(text(raw.reportTime));
  const directoryDeviceId = text((raw.device as { deviceId?: unknown } | undefined)?.deviceId);
  if ((type !== 'USB_ADDED' && type !== 'USB_REMOVED') || Number.isNaN(reportTime) || directoryDeviceId === '' || text(raw.name) === '') return undefined;
  const reports = (raw.usbPeripheralsEvent as { usbPeripheralReport?: unknown } | undefined)?.usbPeripheralReport;
  return {
    name: text(raw.name), directoryDeviceId, reportTime, added: type === 'USB_ADDED',
    user: text((raw.user as { email?: unknown } | undefined)?.email) || null,
    peripherals: (Array.isArray(reports) ? reports as Record<string, unknown>[] : []).map((report) => ({
      vendor: text(report.vendor), name: text(report.name),
      storage: report.classId === MASS_STORAGE_CLASS
        || (Array.isArray(report.categories) && report.categories.some((category) => /mass storage/i.test(String(category)))),
    })),
  };
};

/** The misuse event a storage peripheral in a telemetry event makes; undefined for keyboards, mice and the like. */
export const misuseOfUsbEvent = (event: UsbTelemetryEvent): MisuseEvent | undefined => {
  const storage = event.peripherals.find((peripheral) => peripheral.storage);
  if (!storage) return undefined;
  return {
    kind: event.added ? MisuseKind.MEDIA_ATTACHED : MisuseKind.MEDIA_DETACHED,
    device: { vendor: storage.vendor, model: storage.name, bus: 'usb' },
    ...(event.user ? { user: event.user } : {}),
    detail: `Reported by Google Admin's USB telemetry (${event.name}).`,
  };
};

export const telemetryEventsUrl = (apiBase: string, customerId: string, sinceMs: number, pageToken: string | undefined): URL => {
  const url = new URL(`/v1/customers/${encodeURIComponent(customerId)}/telemetry/events`, apiBase);
  url.searchParams.set('filter', `(event_type = "USB_ADDED" OR event_type = "USB_REMOVED") AND timestamp >= "${new Date(sinceMs).toISOString()}"`);
  url.searchParams.set('readMask', 'device,user,usb_peripherals_event');
  url.searchParams.set('pageSize', String(PAGE_SIZE));
  if (pageToken) url.searchParams.set('pageToken', pageToken);
  return url;
};

async function* listUsbEvents(tokens: TokenSource, apiBase: string, customerId: string, sinceMs: number, http: GoogleHttpOptions): AsyncGenerator<UsbTelemetryEvent[]> {
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const json = await getGoogleJson(tokens, telemetryEventsUrl(apiBase, customerId, sinceMs, pageToken), http);
    const events = json.telemetryEvents ?? [];
    if (!Array.isArray(events)) throw new InvigilatorError('CHROMEOS_API_FAILED', '(telemetryEvents is not a list in the answer)');
    yield events.map((event) => (typeof event === 'object' && event !== null ? readUsbTelemetryEvent(event as Record<string, unknown>) : undefined))
      .filter((event): event is UsbTelemetryEvent => event !== undefined);
    pageToken = typeof json.nextPageToken === 'string' && json.nextPageToken !== '' ? json.nextPageToken : undefined;
    if (!pageToken) return;
  }
  throw new InvigilatorError('CHROMEOS_API_FAILED', `(more than ${MAX_PAGES} pages of USB telemetry)`);
}

export interface UsbTelemetryOutcome { stored: number; unknownDevices: number }

/** Reads the school's USB events since the last read and stores each storage device's as a misuse event of its Chromebook. */
export const syncUsbTelemetry = async (
  store: Store, schoolId: string, tokens: TokenSource, settings: { apiBase: string; customerId: string; since: number | null },
  http: GoogleHttpOptions, now: () => number,
): Promise<UsbTelemetryOutcome> => {
  const sinceMs = settings.since === null ? now() - FIRST_LOOK_BACK_MS : settings.since - OVERLAP_MS;
  const outcome: UsbTelemetryOutcome = { stored: 0, unknownDevices: 0 };
  let newest = settings.since ?? 0;
  for await (const page of listUsbEvents(tokens, settings.apiBase, settings.customerId, sinceMs, http)) {
    await store.transaction(async (tx) => {
      for (const event of page) {
        newest = Math.max(newest, event.reportTime);
        const misuse = misuseOfUsbEvent(event);
        if (!misuse) continue;
        const row = await tx.getChromeosDevice(schoolId, event.directoryDeviceId);
        const device = row?.deviceId ? await tx.getDevice(row.deviceId) : undefined;
        if (!device || device.revokedAt !== null) {
          outcome.unknownDevices += 1; // not (or no longer) one of the school's Chromebooks
          continue;
        }
        const stored = await tx.listEvents({ deviceId: device.id, kinds: ['misuse'], limit: 500 });
        if (stored.some((earlier) => earlier.seq > CONNECTOR_SEQ_BASE && earlier.payload.detail === misuse.detail)) continue;
        const seq = await tx.takeConnectorSeqs(schoolId, event.directoryDeviceId, 1, CONNECTOR_SEQ_BASE);
        const ref = { id: device.id, hostname: device.hostname, schoolId, held: device.heldSince !== null };
        if (await storeConnectorMisuse(tx, ref, seq, misuse, event.reportTime, now())) outcome.stored += 1;
      }
    });
  }
  if (newest > 0) await store.recordChromeosTelemetryRead(schoolId, newest);
  return outcome;
};
