// The service worker of the extension as shipped: the real Chromebook adapter, woken each minute and when back online.
// Problems are kept (the last 20, with their time) in chrome.storage.local under "problems", where a technician
// inspecting the extension finds them; nothing is shown to the pupil.
import { chromeLocalStore, chromePlatform } from './chrome-platform.ts';
import { createExtension } from './extension.ts';

const KEPT_PROBLEMS = 20;
const keepProblem = async (message: string): Promise<void> => {
  const problems = (await chromeLocalStore.get('problems') as { at: string; message: string }[] | undefined) ?? [];
  await chromeLocalStore.set('problems', [...problems, { at: new Date().toISOString(), message }].slice(-KEPT_PROBLEMS));
};

const extension = createExtension({ platform: chromePlatform, store: chromeLocalStore, warn: (message) => void keepProblem(message) });
extension.start();
chrome.alarms.create('invigilator-resend', { periodInMinutes: 1 });
chrome.alarms.onAlarm.addListener(() => void extension.wake());
self.addEventListener('online', () => void extension.wake());
