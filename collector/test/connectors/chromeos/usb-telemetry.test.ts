// Google Admin's USB telemetry read over real HTTPS from the fixture server: a memory stick becomes a misuse event of
// its Chromebook and the DSL's alert, as a stick the extension reports does; the same stick seen by both is one alert.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MisuseKind, type Event } from '@invigilator/shared/wire.ts';
import { SCOPES } from '../../../src/connectors/chromeos/google-token.ts';
import { syncChromeos } from '../../../src/connectors/chromeos/sync.ts';
import { CONNECTOR_SEQ_BASE, ingestBatch } from '../../../src/gateway/ingest.ts';
import type { Device, Store } from '../../../src/store/types.ts';
import { chromeosFixture, type GoogleAdminServer } from '../../helpers/google-admin-server.ts';
import { startConnectedSchool, type ConnectedSchool } from '../../helpers/connected-school.ts';

let google: GoogleAdminServer;
let store: Store;
let school: ConnectedSchool;

const MINUTE = 60_000;
const deps = () => ({ http: { ca: google.ca, sleep: async () => {} }, now: Date.now });
/** The fixture's three events (keyboard added, stick added, stick removed), moved to `minutesAgo` before now. */
const usbEvents = (minutesAgo: number): Record<string, unknown>[] =>
  (chromeosFixture('chrome-management-telemetry-events.1-usb.json').telemetryEvents as Record<string, unknown>[])
    .map((event, index) => ({ ...event, reportTime: new Date(Date.now() - (minutesAgo - index) * MINUTE).toISOString() }));
const eventRequests = () => google.telemetryRequests.filter((url) => url.pathname.endsWith('/events'));
const misuseAlerts = () => store.listAlerts({ schoolId: 'north', categories: ['misuse'], limit: 10 });
const chromebook = async (): Promise<Device> => {
  const [device] = await store.listDevices({ schoolId: 'north' });
  if (!device) throw new Error('no Chromebook');
  return device;
};
const extensionStick = (seq: number, at: number): Event => ({
  seq, occurredAtMs: at, misuse: { kind: MisuseKind.MEDIA_ATTACHED, user: 'y5.pupil07@north-primary.example.org', device: { label: 'KINGSTON', bus: 'usb' } },
});

beforeEach(async () => {
  school = await startConnectedSchool();
  ({ google, store } = school);
  google.devices = [{ ...chromeosFixture('directory-chromeosdevice.2-active-verified.json'), lastSync: new Date().toISOString() }];
});
afterEach(() => school.close());

describe('USB telemetry', () => {
  it('a memory stick becomes the DSL\'s misuse alert on its Chromebook; a keyboard is nothing; a re-read stores nothing twice', async () => {
    google.telemetryEvents = usbEvents(30);
    const outcome = await syncChromeos(store, 'north', deps());
    expect(outcome.telemetry).toEqual({ stored: 2, unknownDevices: 0 });
    const [request] = eventRequests();
    expect(request?.pathname).toBe('/v1/customers/C01b2c3d4/telemetry/events');
    expect(request?.searchParams.get('readMask')).toBe('device,user,usb_peripherals_event');
    expect(request?.searchParams.get('filter')).toMatch(/^\(event_type = "USB_ADDED" OR event_type = "USB_REMOVED"\) AND timestamp >= "\d{4}-.*Z"$/);
    const alerts = await misuseAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ category: 'misuse', status: 'open', deviceId: (await chromebook()).id, title: 'Removable media plugged into NP-CB-0142' });
    expect(alerts[0]?.summary).toContain('(Kingston Technology DataTraveler 3.0)');
    expect(alerts[0]?.summary).toContain('y5.pupil07@north-primary.example.org');
    const events = await store.listEvents({ deviceId: (await chromebook()).id, kinds: ['misuse'], limit: 10 });
    expect(events.map((event) => [event.seq > CONNECTOR_SEQ_BASE, event.payload.kind])).toEqual([[true, 'MEDIA_DETACHED'], [true, 'MEDIA_ATTACHED']]);
    // The next sync overlaps the last by an hour: the same events are listed again and skipped.
    const second = await syncChromeos(store, 'north', deps());
    expect(second.telemetry).toEqual({ stored: 0, unknownDevices: 0 });
    const since = Date.parse(/timestamp >= "([^"]+)"/.exec(eventRequests()[1]?.searchParams.get('filter') ?? '')?.[1] ?? '');
    expect(since).toBe((await store.getChromeosConnection('north'))!.telemetryReadUntil! - 60 * MINUTE);
    expect(await misuseAlerts()).toHaveLength(1);
  });

  it('the stick the extension already reported: Google\'s report is kept for the timeline and raises no second alert', async () => {
    await syncChromeos(store, 'north', deps()); // the Chromebook becomes a device
    const device = await chromebook();
    const pluggedAt = Date.now() - 29 * MINUTE;
    await ingestBatch(store, { id: device.id, hostname: device.hostname, schoolId: 'north' }, [extensionStick(1, pluggedAt)], pluggedAt + 2000);
    expect(await misuseAlerts()).toHaveLength(1);
    google.telemetryEvents = usbEvents(30);
    await syncChromeos(store, 'north', deps());
    const alerts = await misuseAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.summary).toContain('"KINGSTON"');
    expect((await store.listEvents({ deviceId: device.id, kinds: ['misuse'], limit: 10 })).filter((event) => event.payload.kind === 'MEDIA_ATTACHED')).toHaveLength(2);
  });

  it('Google\'s report first, the extension\'s late from its outbox: still one alert; a stick plugged in later is another', async () => {
    google.telemetryEvents = usbEvents(30);
    await syncChromeos(store, 'north', deps());
    const device = await chromebook();
    const ref = { id: device.id, hostname: device.hostname, schoolId: 'north' };
    await ingestBatch(store, ref, [extensionStick(1, Date.now() - 27 * MINUTE)], Date.now());
    expect(await misuseAlerts()).toHaveLength(1);
    await ingestBatch(store, ref, [extensionStick(2, Date.now() - MINUTE)], Date.now());
    expect(await misuseAlerts()).toHaveLength(2);
  });

  it('telemetry not granted: the directory sync stands and the outcome names the scope to add', async () => {
    google.refusedScopes = new Set([SCOPES.telemetry]);
    google.telemetryEvents = usbEvents(30);
    const outcome = await syncChromeos(store, 'north', deps());
    expect(outcome.read).toHaveLength(1);
    expect(outcome.telemetry).toEqual({ problem: expect.stringContaining(`Google refused the read-only scope ${SCOPES.telemetry}`) as unknown });
    expect(await store.getChromeosConnection('north')).toMatchObject({ lastErrorCode: null, telemetryReadUntil: null });
    expect(await misuseAlerts()).toEqual([]);
  });

  it('a Chromebook the school does not know: its stick is counted, not stored', async () => {
    google.telemetryEvents = usbEvents(30).map((event) => ({ ...event, device: { deviceId: 'someone-elses-chromebook' } }));
    const outcome = await syncChromeos(store, 'north', deps());
    expect(outcome.telemetry).toEqual({ stored: 0, unknownDevices: 2 });
    expect(await misuseAlerts()).toEqual([]);
  });
});
