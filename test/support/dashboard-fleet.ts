// A small trust for the dashboard's browser tests: schools, one person per role (added and given a
// password with the collector's own CLI), and simulated agents that report all six checks over the real
// wire protocol, some failing, some with a history going back weeks, and misuse incidents for the DSL.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MisuseKind, type Event, type Observation } from '@invigilator/shared/wire.ts';
import { COLLECTOR_BIN, runCli, type CollectorUnderTest } from './processes.ts';
import { SimAgent } from './sim-agent.ts';

export const FLEET_PASSWORD = 'dashboard test password 1';
export const FLEET_SCHOOLS = [
  { id: 'north', name: 'North Primary', prefix: 'NP' },
  { id: 'south', name: 'South Academy', prefix: 'SA' },
  { id: 'east', name: 'East High School', prefix: 'EH' },
] as const;

export const FLEET_PEOPLE = {
  admin: { email: 'admin@trust.sch.uk', name: 'Alex Admin', scope: ['--all-schools'] },
  'network-manager': { email: 'nm@trust.sch.uk', name: 'Nia Manager', scope: ['--all-schools'] },
  technician: { email: 'tech@north.sch.uk', name: 'Tom Technician', scope: ['--school', 'north', '--school', 'south'] },
  dsl: { email: 'dsl@north.sch.uk', name: 'Dana Lead', scope: ['--school', 'north'] },
  governor: { email: 'governor@north.sch.uk', name: 'Gill Governor', scope: ['--school', 'north'] },
} as const;
export type FleetRole = keyof typeof FLEET_PEOPLE;

const PLATFORMS = [
  { platform: 2, osName: 'Windows 11 Pro', osVersion: '23H2', volume: 'C:' },
  { platform: 3, osName: 'macOS', osVersion: '14.6', volume: 'Macintosh HD - Data' },
  { platform: 1, osName: 'Ubuntu', osVersion: '24.04', volume: '/' },
] as const;

export interface FleetDevice {
  id: string; hostname: string; schoolId: string; credential: { deviceId: string; deviceCredential: string };
  facts: { hostname: string; platform: number; osName: string; osVersion: string; agentVersion: string };
  seq: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The six observations of a device at `at`; `failing` names the checks that fail. */
export const sixObservations = (at: number, volume: string, failing: ReadonlySet<string>): Observation[] => {
  const fails = (check: string) => failing.has(check);
  const tri = (good: boolean) => (good ? 1 : 2);
  return [
    { check: 'encryption', status: 1, encryption: { volumes: [{ name: volume, role: 1, encrypted: tri(!fails('encryption')), protectionOn: tri(!fails('encryption')),
      method: fails('encryption') ? '' : 'xts-aes-128', percentEncrypted: fails('encryption') ? 0 : 100, state: fails('encryption') ? 'fully-decrypted' : 'fully-encrypted' }] } },
    { check: 'antivirus', status: 1, antivirus: { products: [{ name: 'Microsoft Defender Antivirus', enabled: 1, realtimeProtection: 1,
      signaturesUpdatedAtMs: at - (fails('antivirus') ? 9 * DAY : 6 * HOUR), signatureVersion: '1.421.16.0', reportsUpToDate: tri(!fails('antivirus')) }] } },
    { check: 'firewall', status: 1, firewall: { enabled: tri(!fails('firewall')), inboundDefault: 2, backend: 'windows',
      profiles: ['Domain', 'Private', 'Public'].map((name) => ({ name, enabled: tri(!(fails('firewall') && name === 'Public')), inboundDefault: 2 })),
      inboundAllowRules: [], inboundRulesListed: 1 } },
    { check: 'password-policy', status: 1, passwordPolicy: { minLength: fails('password-policy') ? 6 : 12, maxLength: 64, minCharacterClasses: 3,
      maxAgeDays: 0, complexityRequired: 1, denyListEnforced: 1, lockoutThreshold: 5, historyLength: 5 } },
    { check: 'removable-media', status: 1, removableMedia: { storageBlocked: tri(!fails('removable-media')), writeBlocked: tri(!fails('removable-media')),
      mechanism: fails('removable-media') ? 'no policy blocks removable storage' : 'Group Policy: All Removable Storage classes: Deny all access' } },
    { check: 'screen-lock', status: 1, screenLock: { idleLockSeconds: fails('screen-lock') ? 3600 : 600, passwordOnWake: 1, enforced: 1, settingSource: 'windows-policy' } },
  ];
};

/** Which checks device number `index` fails today, and which it failed three weeks ago (a history to chart). */
const failuresOf = (index: number): { now: Set<string>; before: Set<string> } => {
  const now = new Set<string>();
  if (index % 7 === 3) now.add('encryption');
  if (index % 5 === 1) now.add('antivirus');
  if (index % 9 === 4) now.add('firewall');
  if (index % 4 === 2) now.add('screen-lock');
  if (index % 11 === 6) now.add('password-policy');
  const before = new Set(now);
  if (index % 3 === 0) before.add('firewall');
  if (index % 4 === 1) before.add('removable-media');
  return { now, before };
};

export const stick = { vendor: 'SanDisk', model: 'Cruzer Blade', serial: '4C530001190512', sizeBytes: 16_000_000_000, filesystem: 'vfat', label: 'PUPILWORK', mountPoint: 'E:\\', bus: 'usb', device: 'E:' };

/** A memory stick plugged in, files copied to it, and removed: one misuse incident. */
export const stickIncident = (at: number, user: string, files: readonly string[]): Array<Omit<Event, 'seq'>> => [
  { occurredAtMs: at, misuse: { kind: MisuseKind.MEDIA_ATTACHED, user, device: stick } },
  ...files.map((name, index) => ({ occurredAtMs: at + (index + 1) * 20_000, misuse: { kind: MisuseKind.FILE_WRITTEN, user, device: stick, file: { name, sizeBytes: 48_000, relativeDir: '' } } })),
  { occurredAtMs: at + (files.length + 1) * 20_000, misuse: { kind: MisuseKind.MEDIA_DETACHED, user, device: stick } },
];

export interface Fleet {
  devices: FleetDevice[];
  adminToken: string;
  /** Sends events from one device (numbered for it) and waits for the collector's ack. */
  send(device: FleetDevice, events: Array<Omit<Event, 'seq'>>, outboxDepth?: number): Promise<void>;
}

const cli = (dataDir: string, args: string[]): string => runCli(COLLECTOR_BIN, [...args, '--data-dir', dataDir]);

export const seedFleet = async (collector: CollectorUnderTest, dataDir: string, devicesPerSchool: number): Promise<Fleet> => {
  const secrets = new Map(FLEET_SCHOOLS.map((school) => [school.id, cli(dataDir, ['school', 'add', '--id', school.id, '--name', school.name])]));
  const passwordFile = path.join(dataDir, 'fleet-password');
  writeFileSync(passwordFile, FLEET_PASSWORD, { mode: 0o600 });
  for (const [role, person] of Object.entries(FLEET_PEOPLE)) {
    cli(dataDir, ['person', 'add', '--email', person.email, '--name', person.name, '--role', role, ...person.scope]);
    cli(dataDir, ['person', 'password', 'set', '--email', person.email, '--password-file', passwordFile]);
  }
  const adminToken = cli(dataDir, ['token', 'create', '--role', 'admin', '--label', 'dashboard test: admin']);

  const send: Fleet['send'] = async (device, events, outboxDepth) => {
    const { agent } = await SimAgent.session(collector.wsUrl, device.credential, device.facts);
    try {
      if (events.length > 0) await agent.sendBatch(events.map((event) => ({ ...event, seq: ++device.seq })));
      if (outboxDepth !== undefined) agent.send({ heartbeat: { sentAtMs: Date.now(), outboxDepth } });
      // The heartbeat has no answer: a round trip behind it shows it was read.
      await agent.sendBatch([]);
    } finally {
      agent.close();
    }
  };

  const now = Date.now();
  const enrolOne = async (school: (typeof FLEET_SCHOOLS)[number], index: number): Promise<FleetDevice> => {
    const kind = PLATFORMS[index % PLATFORMS.length]!;
    const hostname = `${school.prefix}-${kind.platform === 3 ? 'MAC' : 'LAPTOP'}-${String(index + 1).padStart(3, '0')}`;
    const facts = { hostname, platform: kind.platform, osName: kind.osName, osVersion: kind.osVersion, agentVersion: '0.1.0' };
    const credential = await SimAgent.enrol(collector.wsUrl, secrets.get(school.id)!, facts);
    const device: FleetDevice = { id: credential.deviceId, hostname, schoolId: school.id, credential, facts, seq: 0 };
    const { now: failing, before } = failuresOf(index);
    const history = [21, 14, 7].flatMap((daysAgo) => sixObservations(now - daysAgo * DAY, kind.volume, daysAgo > 10 ? before : failing)
      .map((observation) => ({ occurredAtMs: now - daysAgo * DAY, observation })));
    const today = sixObservations(now - HOUR, kind.volume, failing).map((observation) => ({ occurredAtMs: now - HOUR, observation }));
    await send(device, [...history, ...today], index % 10 === 0 ? 12 : 0);
    return device;
  };
  // The schools' devices report side by side, as they would; each school's in order.
  const bySchool = await Promise.all(FLEET_SCHOOLS.map(async (school) => {
    const enrolled: FleetDevice[] = [];
    for (let index = 0; index < devicesPerSchool; index += 1) enrolled.push(await enrolOne(school, index));
    return enrolled;
  }));
  const devices = bySchool.flat();
  return { devices, adminToken, send };
};
