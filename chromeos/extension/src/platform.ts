// What the extension needs from the Chromebook, behind one adapter: chrome.enterprise and chrome.system.storage exist
// only on managed ChromeOS, so chrome-platform.ts holds the real calls and a test injects a fake.

export interface ManagedSettings {
  /** The collector, e.g. https://collector.trust.example:8443 */
  collectorUrl: string;
  enrolmentSecret: string;
}

export interface DeviceIdentity {
  /** Google Admin's directory device id: it joins this extension to the device the collector's connector reads. */
  directoryDeviceId: string;
  serialNumber: string;
  assetId: string;
}

/** chrome.system.storage's StorageUnitInfo: `id` is transient (per run), capacity in bytes. */
export interface StorageUnit {
  id: string;
  name: string;
  type: string;
  capacity: number;
}

export interface ChromebookPlatform {
  /** The school's settings from Google Admin's managed-storage policy; fields missing until the policy arrives. */
  managedSettings(): Promise<Partial<ManagedSettings>>;
  deviceIdentity(): Promise<DeviceIdentity>;
  osVersion(): string;
  /** The signed-in user's email address ('' when no one is signed in or the policy withholds it); never the account id. */
  signedInUser(): Promise<string>;
  /** Registered synchronously when the service worker starts, so an event that woke it is not missed. */
  onStorageAttached(listener: (unit: StorageUnit) => void): void;
  onStorageDetached(listener: (id: string) => void): void;
}

/** chrome.storage.local's shape, the extension's durable store. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}
