// Pure parsers for ClamAV's own signals: the 512-byte header of a signature
// database (.cvd/.cld), the `--version` banner of clamscan/clamd, and the
// one-word-per-unit answer of `systemctl is-active`.
import { notParsed, parsed, type Parsed } from '../types.ts';

export interface DatabaseHeader {
  /** When the database was built (UTC epoch ms), from the header's build-time field. */
  buildTimeMs: number;
  version: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// "16 Apr 2020 07-58 -0400": the header uses HH-MM because ':' separates its fields.
const BUILD_TIME = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2})-(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** UTC epoch ms of a CVD build time, or undefined when it is not in that form. */
export const parseBuildTime = (text: string): number | undefined => {
  const match = BUILD_TIME.exec(text);
  if (!match) return undefined;
  const [, day, monthName, year, hour, minute, sign, offsetHours, offsetMinutes] = match;
  const month = MONTHS.indexOf(monthName ?? '');
  if (month < 0) return undefined;
  const localMs = Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute));
  const offsetMs = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return sign === '+' ? localMs - offsetMs : localMs + offsetMs;
};

const HEADER_MAGIC = 'ClamAV-VDB:';
/** magic, build time, version, sigs, f-level, md5, digital signature, builder, stime. */
const HEADER_FIELDS = 9;

/** Reads `ClamAV-VDB:<build time>:<version>:<sigs>:<flevel>:<md5>:<dsig>:<builder>:<stime>`. */
export const parseDatabaseHeader = (head: string, fileName: string): Parsed<DatabaseHeader> => {
  const malformed = (what: string): Parsed<never> =>
    notParsed('OUTPUT_MALFORMED', `The ClamAV signature database ${fileName} has a damaged header (${what}).`);
  if (!head.startsWith(HEADER_MAGIC)) return malformed('it does not start with ClamAV-VDB');
  // The header is padded with spaces (or NULs) up to 512 bytes; the payload follows.
  const fields = head.slice(0, 512).replace(/[\s\0]+$/, '').split(':');
  if (fields.length < HEADER_FIELDS) return malformed(`${fields.length} of ${HEADER_FIELDS} fields`);
  const [, buildTime = '', version = '', signatures = '', , , , , stime = ''] = fields;
  const buildTimeMs = parseBuildTime(buildTime);
  if (buildTimeMs === undefined) return malformed(`build time "${buildTime}"`);
  if (!/^\d+$/.test(version) || !/^\d+$/.test(signatures)) return malformed(`version "${version}", signatures "${signatures}"`);
  if (!/^\d+$/.test(stime.trim())) return malformed(`stime "${stime}"`);
  return parsed({ buildTimeMs, version: Number(version) });
};

export interface EngineBanner {
  engineVersion: string;
  /** Daily database version the tool loaded, when it printed one. */
  databaseVersion?: number;
}

// "ClamAV 1.0.3/27110/Mon Nov 20 07:12:00 2026", or "ClamAV 0.103.8" without databases.
// The date is ctime() in the device's local zone, so it is not used: headers give UTC.
const BANNER = /^ClamAV (\d+\.\d+[0-9A-Za-z.\-+~]*)(?:\/(\d+)\/.+)?$/;

export const parseEngineBanner = (text: string): Parsed<EngineBanner> => {
  const firstLine = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '') ?? '';
  const match = BANNER.exec(firstLine);
  if (!match) return notParsed('OUTPUT_UNRECOGNISED', `ClamAV printed a version line the agent does not recognise: "${firstLine.slice(0, 80)}".`);
  const [, engineVersion = '', databaseVersion] = match;
  return parsed(databaseVersion === undefined ? { engineVersion } : { engineVersion, databaseVersion: Number(databaseVersion) });
};

const UNIT_STATES = new Set(['active', 'inactive', 'failed', 'activating', 'deactivating', 'reloading', 'refreshing', 'maintenance', 'unknown']);

/** `systemctl is-active a b c` prints one state per unit, in the order asked. */
export const parseUnitStates = <U extends string>(text: string, units: readonly U[]): Parsed<Record<U, string>> => {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length !== units.length || lines.some((line) => !UNIT_STATES.has(line))) {
    return notParsed('OUTPUT_UNRECOGNISED', `systemctl answered "${lines.join(' ').slice(0, 80)}" where the agent expected ${units.length} unit states.`);
  }
  return parsed(Object.fromEntries(units.map((unit, index) => [unit, lines[index]])) as Record<U, string>);
};
