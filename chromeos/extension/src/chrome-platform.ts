// The real adapter: chrome.* calls, type-checked against @types/chrome. Runs only on a managed Chromebook.
import type { ChromebookPlatform, DeviceIdentity, KeyValueStore, ManagedSettings } from './platform.ts';

const ask = (get: (callback: (value: string) => void) => void): Promise<string> =>
  new Promise((resolve) => get((value) => resolve(chrome.runtime.lastError ? '' : (value ?? ''))));

/** The Chrome version in the user agent ("... CrOS x86_64 16033.58.0) ... Chrome/130.0.6723.126 ..."). */
export const chromeVersionOf = (userAgent: string): string => /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? '';

export const chromePlatform: ChromebookPlatform = {
  async managedSettings(): Promise<Partial<ManagedSettings>> {
    const values = await chrome.storage.managed.get(['collectorUrl', 'enrolmentSecret']);
    return {
      ...(typeof values.collectorUrl === 'string' ? { collectorUrl: values.collectorUrl } : {}),
      ...(typeof values.enrolmentSecret === 'string' ? { enrolmentSecret: values.enrolmentSecret } : {}),
    };
  },
  async deviceIdentity(): Promise<DeviceIdentity> {
    const attributes = chrome.enterprise.deviceAttributes;
    const [directoryDeviceId, serialNumber, assetId] = await Promise.all([
      ask((callback) => attributes.getDirectoryDeviceId(callback)),
      ask((callback) => attributes.getDeviceSerialNumber(callback)),
      ask((callback) => attributes.getDeviceAssetId(callback)),
    ]);
    return { directoryDeviceId, serialNumber, assetId };
  },
  osVersion: () => chromeVersionOf(navigator.userAgent),
  async signedInUser(): Promise<string> {
    // ANY: the Chromebook's user is signed in to ChromeOS even when Chrome sync is off. Only the email is kept.
    const { email } = await chrome.identity.getProfileUserInfo({ accountStatus: chrome.identity.AccountStatus.ANY });
    return email ?? '';
  },
  onStorageAttached(listener) {
    chrome.system.storage.onAttached.addListener((info) => listener({ id: info.id, name: info.name, type: info.type, capacity: info.capacity }));
  },
  onStorageDetached(listener) {
    chrome.system.storage.onDetached.addListener((id) => listener(id));
  },
};

export const chromeLocalStore: KeyValueStore = {
  async get(key) {
    return (await chrome.storage.local.get(key))[key];
  },
  async set(key, value) {
    await chrome.storage.local.set({ [key]: value });
  },
};
