// ClamAV on Linux. Sources:
//   linux.clamav-{daily,main}-{cvd,cld}  first 512 bytes of /var/lib/clamav/<db> (the header)
//   linux.clamscan-version, linux.clamd-version  the engine banner
//   linux.clamav-units  `systemctl is-active` of daemon, updater and on-access scanner
//                       (read only once some sign of ClamAV was found)
//   linux.mdatp-health  Microsoft Defender for Endpoint, reported beside ClamAV (mdatp.ts)
// No product at all is a collected observation with no products: the collector judges.
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { ERRORS } from '@invigilator/shared/errors.ts';
import { couldNotCollect, isAbsent, parseSource } from '../findings.ts';
import { notParsed, parsed, type Collected, type Finding, type Parsed, type PlatformCheck, type SourceSpec } from '../types.ts';
import { mdatpSource, readMdatp, withMdatp } from './mdatp.ts';
import { parseDatabaseHeader, parseEngineBanner, parseUnitStates, type DatabaseHeader, type EngineBanner } from './parse-clamav.ts';

const DATABASE_DIR = '/var/lib/clamav';
const DATABASES = [
  { id: 'linux.clamav-daily-cvd', file: 'daily.cvd', daily: true },
  { id: 'linux.clamav-daily-cld', file: 'daily.cld', daily: true },
  { id: 'linux.clamav-main-cvd', file: 'main.cvd', daily: false },
  { id: 'linux.clamav-main-cld', file: 'main.cld', daily: false },
] as const;
const ENGINES = [
  { id: 'linux.clamscan-version', file: '/usr/bin/clamscan' },
  { id: 'linux.clamd-version', file: '/usr/sbin/clamd' },
] as const;
const UNITS_ID = 'linux.clamav-units';
const UNITS = ['clamav-daemon', 'clamav-freshclam', 'clamav-clamonacc'] as const;

const FIRST_ROUND: readonly SourceSpec[] = [
  ...DATABASES.map((db): SourceSpec => ({ kind: 'file', id: db.id, path: `${DATABASE_DIR}/${db.file}`, maxBytes: 512, encoding: 'latin1' })),
  ...ENGINES.map((engine): SourceSpec => ({ kind: 'command', id: engine.id, file: engine.file, args: ['--version'], timeoutMs: 10_000 })),
];
const MDATP = mdatpSource('linux');
const UNITS_SOURCE: SourceSpec = { kind: 'command', id: UNITS_ID, file: '/usr/bin/systemctl', args: ['is-active', ...UNITS], timeoutMs: 10_000 };

const isPresent = (collected: Collected, id: string): boolean => collected.has(id) && !isAbsent(collected, id);
const clamavSeen = (collected: Collected): boolean => FIRST_ROUND.some((spec) => isPresent(collected, spec.id));

interface ReadDatabase extends DatabaseHeader {
  daily: boolean;
}

const readDatabases = (collected: Collected): Parsed<ReadDatabase[]> => {
  const headers: ReadDatabase[] = [];
  for (const db of DATABASES) {
    if (!isPresent(collected, db.id)) continue;
    const header = parseSource(collected, db.id, (text) => parseDatabaseHeader(text, db.file));
    if (!header.ok) return header;
    headers.push({ ...header.value, daily: db.daily });
  }
  return parsed(headers);
};

/** The first engine banner that answered; undefined when neither tool is installed. */
const readEngine = (collected: Collected): Parsed<EngineBanner | undefined> => {
  const engine = ENGINES.find((candidate) => isPresent(collected, candidate.id));
  if (!engine) return parsed(undefined);
  return parseSource(collected, engine.id, parseEngineBanner);
};

/** Unit states, or undefined where systemd does not run (containers, other init systems). */
const readUnits = (collected: Collected): Parsed<Record<(typeof UNITS)[number], string> | undefined> => {
  const result = collected.get(UNITS_ID);
  if (!result) return notParsed('SOURCE_NOT_CAPTURED', `${ERRORS.SOURCE_NOT_CAPTURED} (${UNITS_ID})`);
  if (result.errorCode === 'COMMAND_NOT_FOUND' || (result.exitCode !== 0 && result.stdout.trim() === '')) return parsed(undefined);
  // is-active exits 3 when a unit is not active: that is an answer, not a failure.
  return parseSource(collected, UNITS_ID, (text) => parseUnitStates(text, UNITS), { acceptExitCodes: [0, 1, 2, 3, 4] });
};

type TriValue = NonNullable<NonNullable<NonNullable<Finding['antivirus']>['products']>[number]['enabled']>;

const triOf = (states: Record<string, string> | undefined, unit: string): TriValue =>
  states === undefined ? Tri.TRI_UNKNOWN : states[unit] === 'active' ? Tri.TRI_YES : Tri.TRI_NO;

export const interpretClamav = (collected: Collected): Finding => {
  const missing = FIRST_ROUND.find((spec) => !collected.has(spec.id));
  if (missing) return couldNotCollect('SOURCE_NOT_CAPTURED', `${ERRORS.SOURCE_NOT_CAPTURED} (${missing.id})`);
  if (!clamavSeen(collected)) return { status: CollectionStatus.COLLECTED, antivirus: { products: [] } };

  const databases = readDatabases(collected);
  if (!databases.ok) return couldNotCollect(databases.code, databases.reason);
  const engine = readEngine(collected);
  if (!engine.ok) return couldNotCollect(engine.code, engine.reason);
  const units = readUnits(collected);
  if (!units.ok) return couldNotCollect(units.code, units.reason);

  const newestDaily = databases.value.filter((db) => db.daily).sort((a, b) => b.version - a.version)[0];
  const signatureVersion = newestDaily?.version ?? engine.value?.databaseVersion;
  const buildTimes = databases.value.map((db) => db.buildTimeMs);
  return {
    status: CollectionStatus.COLLECTED,
    antivirus: {
      products: [{
        name: 'ClamAV',
        enabled: triOf(units.value, 'clamav-daemon'),
        realtimeProtection: triOf(units.value, 'clamav-clamonacc'),
        signaturesUpdatedAtMs: buildTimes.length > 0 ? Math.max(...buildTimes) : 0,
        signatureVersion: signatureVersion === undefined ? '' : String(signatureVersion),
        reportsUpToDate: Tri.TRI_UNKNOWN,
        engineVersion: engine.value?.engineVersion ?? '',
      }],
    },
  };
};

export const check: PlatformCheck = {
  check: 'antivirus',
  platform: 'linux',
  sources(collected) {
    return clamavSeen(collected) ? [...FIRST_ROUND, MDATP, UNITS_SOURCE] : [...FIRST_ROUND, MDATP];
  },
  interpret(collected) {
    return withMdatp(interpretClamav(collected), readMdatp(collected, MDATP.id));
  },
};
