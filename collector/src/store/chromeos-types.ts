// Storage contract for the Google Admin connector: each school's connection, its sync state, the Chromebooks read.
import type { JsonObject } from './types.ts';

export interface ChromeosSettings {
  schoolId: string;
  customerId: string;
  serviceAccountFile: string;
  adminEmail: string;
  /** Only devices in this organisational unit (and below it); null for the whole customer. */
  orgUnitPath: string | null;
  /** Another server than Google's (tests); null for Google's own. */
  apiBase: string | null;
  connectedAt: number;
}

export interface ChromeosSyncState {
  lastSyncAt: number | null;
  lastFullSyncAt: number | null;
  lastErrorCode: string | null;
  lastError: string | null;
  lastErrorAt: number | null;
  /** The newest USB event read from Google Admin telemetry (its reportTime); null until the first read. */
  telemetryReadUntil: number | null;
}

export interface ChromeosConnection extends ChromeosSettings, ChromeosSyncState {
  deviceCount: number;
}

export interface ChromeosDeviceRow {
  schoolId: string;
  directoryDeviceId: string;
  record: JsonObject;
  readAt: number;
  /** The school's device for this Chromebook, once made. */
  deviceId: string | null;
  /** The last number the connector gave an event of this device (its own series). */
  connectorSeq: number;
}

export interface ChromeosOps {
  /** Creates or replaces the school's connection settings; its sync state starts again. */
  putChromeosSettings(settings: ChromeosSettings): Promise<void>;
  getChromeosConnection(schoolId: string): Promise<ChromeosConnection | undefined>;
  listChromeosConnections(): Promise<ChromeosConnection[]>;
  /** A sync that finished: clears the last error. */
  recordChromeosSyncDone(schoolId: string, at: number, full: boolean): Promise<void>;
  recordChromeosSyncFailed(schoolId: string, at: number, code: string, message: string): Promise<void>;
  /** USB events up to `until` are stored; never moves back. */
  recordChromeosTelemetryRead(schoolId: string, until: number): Promise<void>;
  /** Inserts or replaces each device's record by its directory device id (its device and series stay). */
  upsertChromeosDevices(rows: readonly Pick<ChromeosDeviceRow, 'schoolId' | 'directoryDeviceId' | 'record' | 'readAt'>[]): Promise<void>;
  listChromeosDevices(schoolId: string): Promise<ChromeosDeviceRow[]>;
  getChromeosDevice(schoolId: string, directoryDeviceId: string): Promise<ChromeosDeviceRow | undefined>;
  /**
   * Joins the Chromebook to the school's device, with an empty record when the connector has not read it yet
   * (the extension enrolled first); a Chromebook already joined keeps its device.
   */
  linkChromeosDevice(schoolId: string, directoryDeviceId: string, deviceId: string, at: number): Promise<void>;
  /** The Chromebook's extension enrolled (again): the device takes its new credential and facts. */
  setChromebookCredential(deviceId: string, credentialHash: string, seen: { hostname: string; facts: JsonObject }, at: number): Promise<void>;
  /** Takes the next `count` numbers of the connector's series for the Chromebook; returns the first. */
  takeConnectorSeqs(schoolId: string, directoryDeviceId: string, count: number, base: number): Promise<number>;
}
