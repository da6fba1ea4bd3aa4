// One line of the volume watcher's PowerShell: a compressed JSON object per
// Win32_VolumeChangeEvent, e.g. {"eventType":2,"driveName":"E:","time":"2025-01-31T09:12:03.1234567Z"}.
import { notParsed, parsed, type Parsed } from '../../checks/types.ts';
import { field, parsePowerShellJson, psDateMs, psNumber, psString } from '../../checks/windows-json.ts';

// Win32_VolumeChangeEvent.EventType: 1 configuration changed, 2 arrival, 3 removal, 4 docking.
const ARRIVAL = 2;
const REMOVAL = 3;
const KNOWN_EVENT_TYPES = new Set([1, ARRIVAL, REMOVAL, 4]);

export type VolumeChange =
  | { kind: 'arrival' | 'removal'; drive: string; timeMs: number | undefined }
  | { kind: 'ignored'; eventType: number };

export const parseVolumeChangeLine = (line: string): Parsed<VolumeChange> => {
  const document = parsePowerShellJson(line);
  if (!document.ok) return document;
  const value = document.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return notParsed('OUTPUT_UNRECOGNISED', 'A volume event line is not a JSON object.');
  }
  const record = value as Record<string, unknown>;
  const eventType = psNumber(field(record, 'eventType'));
  if (eventType === undefined || !KNOWN_EVENT_TYPES.has(eventType)) {
    return notParsed('OUTPUT_UNRECOGNISED', `A volume event has an unknown type "${psString(field(record, 'eventType'))}".`);
  }
  if (eventType !== ARRIVAL && eventType !== REMOVAL) return parsed({ kind: 'ignored', eventType });
  const drive = psString(field(record, 'driveName')).toUpperCase();
  if (!/^[A-Z]:$/.test(drive)) return notParsed('OUTPUT_UNRECOGNISED', `A volume event names no drive letter ("${drive}").`);
  return parsed({ kind: eventType === ARRIVAL ? 'arrival' : 'removal', drive, timeMs: psDateMs(field(record, 'time')) });
};
