// Test only: a fake Chromebook behind the same adapter, for Chromium on a machine that is not a managed Chromebook.
// Its settings and identity come from test-chromebook.json beside the bundle; a test plugs sticks in through
// globalThis.fakeChromebook from Playwright. The outbox stays in the real chrome.storage.local.
import { chromeLocalStore, chromeVersionOf } from '../src/chrome-platform.ts';
import { createExtension } from '../src/extension.ts';
import type { ChromebookPlatform, DeviceIdentity, ManagedSettings, StorageUnit } from '../src/platform.ts';

interface FakeConfig extends ManagedSettings, DeviceIdentity { userEmail?: string }

const config = async (): Promise<FakeConfig> => (await fetch(chrome.runtime.getURL('test-chromebook.json'))).json() as Promise<FakeConfig>;
const attachedListeners: Array<(unit: StorageUnit) => void> = [];
const detachedListeners: Array<(id: string) => void> = [];

const fakePlatform: ChromebookPlatform = {
  managedSettings: async () => {
    const { collectorUrl, enrolmentSecret } = await config();
    return { collectorUrl, enrolmentSecret };
  },
  deviceIdentity: async () => {
    const { directoryDeviceId, serialNumber, assetId } = await config();
    return { directoryDeviceId, serialNumber, assetId };
  },
  osVersion: () => chromeVersionOf(navigator.userAgent),
  signedInUser: async () => (await config()).userEmail ?? '',
  onStorageAttached: (listener) => attachedListeners.push(listener),
  onStorageDetached: (listener) => detachedListeners.push(listener),
};

const warnings: string[] = [];
const extension = createExtension({ platform: fakePlatform, store: chromeLocalStore, warn: (message) => warnings.push(message) });
extension.start();

Object.assign(globalThis, {
  fakeChromebook: {
    attach: (unit: StorageUnit) => attachedListeners.forEach((listener) => listener(unit)),
    detach: (id: string) => detachedListeners.forEach((listener) => listener(id)),
    outbox: async () => (await chrome.storage.local.get('outbox')).outbox,
    credential: async () => (await chrome.storage.local.get('credential')).credential,
    /** A Powerwash or a reinstall: the extension's storage is wiped (a stick plugged in then waits in a new outbox). */
    wipeOutbox: async () => chrome.storage.local.remove('outbox'),
    stop: () => extension.stop(),
    wake: () => extension.wake(),
    warnings,
  },
});
