// Report models as JSON for the API: epoch-ms times as ISO text, and nothing of a device record but its
// id and hostname, nothing of a school but its id and name (credential and secret hashes stay in the store).
import type { Device, School } from '../store/types.ts';

const TIME_KEYS = new Set(['at', 'from', 'to', 'firstSeen', 'lastSeen', 'firstAt', 'lastAt', 'since', 'lastReportAt',
  'changedAt', 'recordedAt', 'generatedAt', 'updatedAt']);

const isDevice = (value: object): value is Device => 'credentialHash' in value;
const isSchool = (value: object): value is School => 'enrolmentSecretHash' in value;

export const presentReport = (value: unknown, key = ''): unknown => {
  if (typeof value === 'number' && TIME_KEYS.has(key)) return new Date(value).toISOString();
  if (Array.isArray(value)) return value.map((item) => presentReport(item, key));
  if (value === null || typeof value !== 'object') return value;
  if (isDevice(value)) return { id: value.id, hostname: value.hostname };
  if (isSchool(value)) return { id: value.id, name: value.name };
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, presentReport(inner, name)]));
};
