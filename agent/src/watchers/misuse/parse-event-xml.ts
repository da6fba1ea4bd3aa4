// One Windows event as EventLogRecord.ToXml() renders it (one line; attributes in
// single or double quotes). Only the language-neutral parts are read: provider,
// event id, channel, the account in <Security UserID>, named <Data> values and <Binary>.
import { parsed, type Parsed } from '../../checks/types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export const EVENT_STREAM_ID = 'windows.safeguard-events';

export interface WindowsEvent {
  provider: string;
  eventId: number;
  channel: string;
  timeCreated: string;
  /** The account the event was logged under (often the one that made the change), when the event has one. */
  userSid: string;
  /** <Data Name='x'>value</Data>; unnamed data as param1, param2, ... */
  data: Record<string, string>;
  /** <Binary> decoded from hex as UTF-16LE text without its trailing NUL ('MpsSvc/1'); '' when absent. */
  binary: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity]!;
  });

const attribute = (text: string, element: string, name: string): string =>
  decodeXml(new RegExp(`<${element}\\b[^>]*\\s${name}=(['"])(.*?)\\1`).exec(text)?.[2] ?? '');

const elementText = (text: string, element: string): string =>
  decodeXml(new RegExp(`<${element}\\b[^>]*>([^<]*)</${element}>`).exec(text)?.[1] ?? '').trim();

const decodeBinary = (hex: string): string => {
  if (!/^(?:[0-9a-fA-F]{4})*$/.test(hex)) return '';
  return Buffer.from(hex, 'hex').toString('utf16le').replace(/\0+$/, '');
};

export const parseEventXml = (line: string): Parsed<WindowsEvent> => {
  const text = line.replace(/\r?\n\s*/g, '');
  if (!/^<Event\b/.test(text.trim()) || !text.includes('</Event>')) {
    return unreadable('OUTPUT_UNRECOGNISED', EVENT_STREAM_ID, `not one <Event> element: "${text.slice(0, 80)}"`);
  }
  const eventId = Number(elementText(text, 'EventID'));
  if (!Number.isInteger(eventId) || eventId <= 0) return unreadable('OUTPUT_MALFORMED', EVENT_STREAM_ID, 'no EventID');
  const data: Record<string, string> = {};
  const dataPattern = /<Data(?:\s+Name=(['"])(.*?)\1)?\s*(?:\/>|>([^<]*)<\/Data>)/g;
  let unnamed = 0;
  for (let match = dataPattern.exec(text); match; match = dataPattern.exec(text)) {
    const name = match[2] ? decodeXml(match[2]) : `param${(unnamed += 1)}`;
    data[name] = decodeXml(match[3] ?? '').trim();
  }
  return parsed({
    provider: attribute(text, 'Provider', 'Name'),
    eventId,
    channel: elementText(text, 'Channel'),
    timeCreated: attribute(text, 'TimeCreated', 'SystemTime'),
    userSid: attribute(text, 'Security', 'UserID'),
    data,
    binary: decodeBinary(elementText(text, 'Binary')),
  });
};
