// A misuse alert read as the DSL's incident: who, which stick, every file (each file is one stored event
// linked to the alert), and the session around it (plugged in, files, removed) rebuilt from the device's
// stored events. Read-only: nothing here writes.
import { MisuseKind, type MisuseEvent } from '@invigilator/shared/wire.ts';
import type { AlertRow } from '../store/alerts-types.ts';
import type { StoredEvent, StoreOps } from '../store/types.ts';
import { describeStoredMisuse, misuseOf, withMisuseText } from './misuse-text.ts';
import { mediaKey, type IncidentKind } from './rules.ts';

/** At most this many files and timeline entries are listed (a folder of thousands copied is still one incident). */
export const MAX_INCIDENT_EVENTS = 5000;
/** How far around its events an incident looks for the stick being plugged in and removed. */
const SESSION_WINDOW_MS = 12 * 3_600_000;

const KIND_OF_KEY: Array<[RegExp, IncidentKind]> = [
  [/:media-write:/, 'files-copied'], [/:media:/, 'media-plugged'], [/:safeguard:/, 'safeguard-disabled'], [/:bypass:/, 'bypass-tool'],
  [/:download:/, 'download'], [/:wifi:/, 'public-wifi'], [/:flood$/, 'burst'],
];

/** The incident's kind: kept on the alert since this version, else read from its key. */
export const incidentKind = (alert: AlertRow): IncidentKind =>
  (typeof alert.detail.kind === 'string' ? alert.detail.kind as IncidentKind : undefined)
  ?? KIND_OF_KEY.find(([pattern]) => pattern.test(alert.dedupKey))?.[1] ?? 'other';

const TIMELINE_KIND: Record<IncidentKind, string> = {
  'media-plugged': 'plugged', 'media-removed': 'removed', 'files-copied': 'file', 'safeguard-disabled': 'safeguard',
  'bypass-tool': 'bypass', download: 'download', 'public-wifi': 'wifi', burst: 'other', other: 'other',
};

type FileShown = { name: string } | { nameSha256: string };
const fileOf = (misuse: MisuseEvent): FileShown | undefined => {
  if (!misuse.file) return undefined;
  return misuse.file.name ? { name: misuse.file.name } : { nameSha256: misuse.file.nameSha256 ?? '' };
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** What the list shows of an incident: its kind, the user and stick of its latest event, how many files. */
export const incidentSummary = (alert: AlertRow, ends: { count: number; first: StoredEvent; last: StoredEvent } | undefined) => {
  const read = withMisuseText(alert, ends);
  const kind = incidentKind(alert);
  const media = read.detail.media as Record<string, unknown> | undefined;
  return {
    alert: read, kind,
    user: text(read.detail.user),
    stick: media ? {
      vendor: text(media.vendor), model: text(media.model), serial: text(media.serial), label: text(media.label), bus: text(media.bus),
    } : null,
    fileCount: kind === 'files-copied' ? (ends?.count ?? 0) : 0,
  };
};

/** The session around the incident's events: from the stick's plugging in to its removal, this stick only. */
const sessionOf = async (tx: Pick<StoreOps, 'listDeviceEventsBetween'>, alert: AlertRow, linked: StoredEvent[]): Promise<StoredEvent[]> => {
  const [first, last] = [linked[0], linked.at(-1)];
  if (!first || !last || alert.deviceId === null) return linked;
  const stick = misuseOf(first).device ? mediaKey(misuseOf(first)) : undefined;
  if (stick === undefined) return linked;
  const around = (await tx.listDeviceEventsBetween(alert.deviceId, 'misuse', first.occurredAt - SESSION_WINDOW_MS,
    last.occurredAt + SESSION_WINDOW_MS, MAX_INCIDENT_EVENTS * 2))
    .filter((event) => { const misuse = misuseOf(event); return misuse.device && mediaKey(misuse) === stick; });
  const plugged = around.filter((e) => misuseOf(e).kind === MisuseKind.MEDIA_ATTACHED && e.occurredAt <= first.occurredAt).at(-1);
  const removed = around.find((e) => misuseOf(e).kind === MisuseKind.MEDIA_DETACHED && e.occurredAt >= last.occurredAt);
  const from = plugged?.occurredAt ?? first.occurredAt;
  const until = removed?.occurredAt ?? last.occurredAt;
  const seqs = new Set(linked.map((e) => e.seq));
  return [...around.filter((e) => e.occurredAt >= from && e.occurredAt <= until && !seqs.has(e.seq)), ...linked]
    .sort((a, b) => a.occurredAt - b.occurredAt || a.seq - b.seq).slice(0, MAX_INCIDENT_EVENTS);
};

/** Everything the incident page shows, from the alert and its stored events. */
export const readIncident = async (tx: Pick<StoreOps, 'listAlertEvents' | 'listDeviceEventsBetween'>, alert: AlertRow) => {
  const linked = await tx.listAlertEvents(alert.id, MAX_INCIDENT_EVENTS + 1);
  const filesTruncated = linked.length > MAX_INCIDENT_EVENTS;
  const events = linked.slice(0, MAX_INCIDENT_EVENTS);
  const subject = { id: alert.deviceId ?? '', hostname: typeof alert.detail.hostname === 'string' ? alert.detail.hostname : '' };
  const files = events.flatMap((event) => {
    const misuse = misuseOf(event);
    const file = misuse.kind === MisuseKind.FILE_WRITTEN ? fileOf(misuse) : undefined;
    return file ? [{ ...file, at: event.occurredAt }] : [];
  });
  const timeline = (await sessionOf(tx, alert, events)).map((event) => {
    const misuse = misuseOf(event);
    const said = describeStoredMisuse(subject, event);
    const file = fileOf(misuse);
    return {
      at: event.occurredAt, seq: event.seq, kind: TIMELINE_KIND[said.kind], text: said.summary, user: misuse.user || null,
      ...(file ? { file } : {}),
    };
  });
  const ends = events.length > 0 ? { count: linked.length, first: events[0]!, last: events.at(-1)! } : undefined;
  return { summary: incidentSummary(alert, ends), files, filesTruncated, timeline, eventCount: linked.length };
};
