// Connecting a school to Google Admin (settings checked at the door) and its sync state in words.
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { InvigilatorError } from '@invigilator/shared/errors.ts';
import { timeInWords } from '../../policy/facts.ts';
import type { ChromeosConnection } from '../../store/chromeos-types.ts';
import type { StoreOps } from '../../store/types.ts';
import type { GoogleHttpOptions } from './google-http.ts';
import { readServiceAccount } from './service-account.ts';

export interface ConnectRequest {
  schoolId: string;
  customerId: string;
  serviceAccountFile: string;
  adminEmail: string;
  orgUnitPath?: string;
  apiBase?: string;
}

/** Google customer ids look like C01b2c3d4; my_customer means "the administrator's own account". */
const CUSTOMER_ID = /^(my_customer|C[0-9a-z]{5,20})$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const connectChromeos = async (
  store: Pick<StoreOps, 'getSchool' | 'putChromeosSettings'>, request: ConnectRequest, now: number,
): Promise<void> => {
  if (!(await store.getSchool(request.schoolId))) throw new InvigilatorError('SCHOOL_UNKNOWN', `(${request.schoolId})`);
  if (!CUSTOMER_ID.test(request.customerId)) {
    throw new InvigilatorError('CONFIG_INVALID', `The customer id "${request.customerId}" is not a Google customer id (Google Admin → Account → Account settings shows it, e.g. C01b2c3d4).`);
  }
  if (!EMAIL.test(request.adminEmail)) throw new InvigilatorError('CONFIG_INVALID', `The admin email "${request.adminEmail}" is not an email address.`);
  if (request.orgUnitPath !== undefined && !request.orgUnitPath.startsWith('/')) {
    throw new InvigilatorError('CONFIG_INVALID', `The organisational unit "${request.orgUnitPath}" must be a full path starting with /, e.g. /Pupils/Year 5.`);
  }
  if (request.apiBase !== undefined && !/^https:\/\/[^/]+/.test(request.apiBase)) {
    throw new InvigilatorError('CONFIG_INVALID', `The API base "${request.apiBase}" must be an https:// URL.`);
  }
  const serviceAccountFile = resolve(request.serviceAccountFile);
  readServiceAccount(serviceAccountFile); // refuses a wrong file now rather than at the first sync
  await store.putChromeosSettings({
    schoolId: request.schoolId, customerId: request.customerId, serviceAccountFile, adminEmail: request.adminEmail,
    orgUnitPath: request.orgUnitPath ?? null, apiBase: request.apiBase ?? null, connectedAt: now,
  });
};

export const describeChromeosStatus = (connection: ChromeosConnection): string[] => [
  `School ${connection.schoolId}: Google Admin customer ${connection.customerId} as ${connection.adminEmail}`
    + `${connection.orgUnitPath ? `, organisational unit ${connection.orgUnitPath}` : ''}.`,
  connection.lastSyncAt === null
    ? 'Last sync: never finished.'
    : `Last sync: ${timeInWords(connection.lastSyncAt)} (last full read ${connection.lastFullSyncAt === null ? 'never' : timeInWords(connection.lastFullSyncAt)}).`,
  `Chromebooks known: ${connection.deviceCount}.`,
  connection.telemetryReadUntil === null
    ? 'USB telemetry: no USB event read yet.'
    : `USB telemetry: events read up to ${timeInWords(connection.telemetryReadUntil)}.`,
  connection.lastErrorAt === null
    ? 'Last error: none since the last good sync.'
    : `Last error (${timeInWords(connection.lastErrorAt)}): ${connection.lastErrorCode} — ${connection.lastError}`,
];

/** The CA a test (or a school behind a TLS-inspecting proxy) trusts for Google's APIs, from INVIGILATOR_CHROMEOS_CA_FILE. */
export const googleHttpFromEnv = (env: NodeJS.ProcessEnv = process.env): GoogleHttpOptions => {
  const file = env.INVIGILATOR_CHROMEOS_CA_FILE;
  if (!file) return {};
  try {
    return { ca: readFileSync(file) };
  } catch (error) {
    throw new InvigilatorError('CONFIG_INVALID', `INVIGILATOR_CHROMEOS_CA_FILE names ${file}, which cannot be read.`, { cause: error });
  }
};
