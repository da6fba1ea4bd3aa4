// One sync of one school's Chromebooks from Google Admin: read the directory (all of it once a day, otherwise
// only devices that synced since the last run), store each device's record, and keep the sync state. A refused
// service account raises an availability alert for the network manager; the next good sync resolves it.
import { isDeepStrictEqual } from 'node:util';
import { codeOf, InvigilatorError } from '@invigilator/shared/errors.ts';
import { clauseById } from '@invigilator/shared/policy/types.ts';
import { resolveByDevice } from '../../alerts/lifecycle.ts';
import { recordAlert } from '../../alerts/record.ts';
import { policyPackFor } from '../../school-policy.ts';
import type { ChromeosConnection } from '../../store/chromeos-types.ts';
import type { Store } from '../../store/types.ts';
import { readChromebookRecord, type ChromebookRecord } from './chromebook-record.ts';
import { recordChromebook } from './chromebook-devices.ts';
import { GOOGLE_API_BASE, listChromeosDevices } from './directory.ts';
import { createTokenSource, SCOPES } from './google-token.ts';
import type { GoogleHttpOptions } from './google-http.ts';
import { readServiceAccount } from './service-account.ts';
import { createPolicyReader, problemOf } from './policy-reader.ts';
import { createOsUpdateReader } from './os-updates.ts';
import type { ServiceAccount } from './service-account.ts';
import { CHROME_MANAGEMENT_API_BASE, syncUsbTelemetry, type UsbTelemetryOutcome } from './usb-telemetry.ts';

export const FULL_SYNC_EVERY_MS = 24 * 3_600_000;
/** An unchanged Chromebook is observed again after this long. */
export const REOBSERVE_AFTER_MS = 24 * 3_600_000;
const DAY_MS = 86_400_000;
export const CONNECTOR_ALERT_KEY = 'chromeos-connector';
/** Who resolves the connector's alert when a sync works again. */
export const RESOLVED_BY_CONNECTOR = 'collector: Google Admin answered again';

export interface SyncOutcome {
  full: boolean;
  /** Devices read this time (all of them on a full sync). */
  read: ChromebookRecord[];
  /** Resources without a deviceId, which nothing could join to a device. */
  skipped: number;
  /** Stick events read from Google Admin's USB telemetry, or why it could not be read (the directory sync stands). */
  telemetry: UsbTelemetryOutcome | { problem: string };
}

export interface SyncDeps {
  http: GoogleHttpOptions;
  now: () => number;
}

const isFullSyncDue = (connection: ChromeosConnection, now: number): boolean =>
  connection.lastSyncAt === null || connection.lastFullSyncAt === null || now - connection.lastFullSyncAt >= FULL_SYNC_EVERY_MS;

/** The day before the last sync: the API's sync: query counts whole days, so a day's overlap misses nothing. */
const syncedSinceDay = (lastSyncAt: number): string => new Date(lastSyncAt - DAY_MS).toISOString().slice(0, 10);

const raiseConnectorAlert = async (store: Store, schoolId: string, error: InvigilatorError, at: number): Promise<void> => {
  await store.transaction(async (tx) => {
    const pack = await policyPackFor(tx, schoolId);
    const clause = clauseById(pack, pack.availability.clause);
    // Through the one lifecycle: routed to the network manager and technicians like any availability alert.
    await recordAlert(tx, { schoolId, id: null, held: false, hostname: 'Google Admin' }, {
      category: 'availability', severity: 'critical', dedupKey: CONNECTOR_ALERT_KEY,
      title: 'Chromebooks are not being read from Google Admin',
      summary: `${error.message} Until it is fixed, the school's Chromebooks keep the state last read and their verdicts go stale.`,
      clauseId: clause.id, clauseText: clause.text, detail: { code: error.code },
    }, at);
  });
};

/** USB telemetry through its own scope: not granted (or not reporting), the directory sync still stands. */
const readUsbTelemetry = async (
  store: Store, connection: ChromeosConnection, account: ServiceAccount, deps: SyncDeps,
): Promise<UsbTelemetryOutcome | { problem: string }> => {
  const tokens = createTokenSource(account, connection.adminEmail, [SCOPES.telemetry], deps.http, deps.now);
  try {
    return await syncUsbTelemetry(store, connection.schoolId, tokens, {
      apiBase: connection.apiBase ?? CHROME_MANAGEMENT_API_BASE, customerId: connection.customerId, since: connection.telemetryReadUntil,
    }, deps.http, deps.now);
  } catch (error) {
    return { problem: problemOf(error, SCOPES.telemetry) };
  }
};

export const syncChromeos = async (store: Store, schoolId: string, deps: SyncDeps): Promise<SyncOutcome> => {
  const connection = await store.getChromeosConnection(schoolId);
  if (!connection) throw new InvigilatorError('CHROMEOS_NOT_CONNECTED', `(school ${schoolId})`);
  const startedAt = deps.now();
  const full = isFullSyncDue(connection, startedAt);
  try {
    const account = readServiceAccount(connection.serviceAccountFile);
    const tokens = createTokenSource(account, connection.adminEmail, [SCOPES.directory], deps.http, deps.now);
    const readers = {
      account, adminEmail: connection.adminEmail, customerId: connection.customerId, apiBase: connection.apiBase, http: deps.http, now: deps.now,
    };
    const policies = createPolicyReader(readers);
    const updates = createOsUpdateReader(readers);
    const query = {
      apiBase: connection.apiBase ?? GOOGLE_API_BASE, customerId: connection.customerId, orgUnitPath: connection.orgUnitPath,
      ...(full || connection.lastSyncAt === null ? {} : { syncedSinceDay: syncedSinceDay(connection.lastSyncAt) }),
    };
    const read: ChromebookRecord[] = [];
    let skipped = 0;
    for await (const page of listChromeosDevices(tokens, query, deps.http)) {
      const records = page.map(readChromebookRecord);
      const good = records.filter((record): record is ChromebookRecord => record !== undefined);
      skipped += records.length - good.length;
      // Outside the transaction: Google's answers can take seconds, and each unit is read once a sync.
      for (const record of good) {
        record.policy = await policies.policyFor(record);
        record.updates = await updates.updatesFor(record);
      }
      // Page by page, one transaction each: a failure later keeps what was read, and an incremental run reads it again.
      const readAt = deps.now();
      await store.transaction(async (tx) => {
        for (const record of good) {
          const previous = await tx.getChromeosDevice(schoolId, record.directoryDeviceId);
          // Each sync re-reads the devices of the last day or two: an unchanged record is observed again only daily
          // (the AUE verdict moves with time), or the events table would grow by every check every 30 minutes.
          const unchanged = previous?.deviceId && readAt - previous.readAt < REOBSERVE_AFTER_MS
            && isDeepStrictEqual(previous.record, JSON.parse(JSON.stringify(record)));
          if (unchanged) continue;
          await tx.upsertChromeosDevices([{ schoolId, directoryDeviceId: record.directoryDeviceId, record: { ...record }, readAt }]);
          await recordChromebook(tx, schoolId, record, readAt);
        }
      });
      read.push(...good);
    }
    const telemetry = await readUsbTelemetry(store, connection, account, deps);
    await store.recordChromeosSyncDone(schoolId, startedAt, full);
    await store.transaction((tx) => resolveByDevice(tx, schoolId, CONNECTOR_ALERT_KEY, deps.now(), RESOLVED_BY_CONNECTOR));
    return { full, read, skipped, telemetry };
  } catch (error) {
    const failure = error instanceof InvigilatorError ? error : new InvigilatorError('CHROMEOS_API_FAILED', `(${(error as Error).message})`, { cause: error });
    await store.recordChromeosSyncFailed(schoolId, deps.now(), codeOf(failure), failure.message);
    if (failure.code === 'CHROMEOS_ACCESS_REFUSED' || failure.code === 'CHROMEOS_SERVICE_ACCOUNT_INVALID') {
      await raiseConnectorAlert(store, schoolId, failure, deps.now());
    }
    throw failure;
  }
};
