// The extension's one long-running part: enrol with the school's secret, then stream removable-storage events to the
// collector over the agents' protocol (protobuf frames over a WebSocket), resending from the outbox after every
// reconnect (a Chromebook sleeps, loses Wi-Fi, its service worker is stopped) until each is acknowledged.
import { decodeFrame, encodeFrame, MisuseKind, Platform, type Frame } from '../../../shared/src/wire.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import type { ChromebookPlatform, DeviceIdentity, KeyValueStore, StorageUnit } from './platform.ts';

export const EXTENSION_VERSION = '0.1.0-extension';
const CREDENTIAL_KEY = 'credential';
const MAX_BATCH = 200;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

interface Credential { deviceId: string; deviceCredential: string; collectorUrl: string }

export interface ExtensionDeps {
  platform: ChromebookPlatform;
  store: KeyValueStore;
  /** Where problems go (the service worker's console): nothing here is shown to the pupil. */
  warn: (message: string) => void;
}

/** https://host:port → wss://host:port/agent (the agents' endpoint). */
export const agentUrlOf = (collectorUrl: string): string => {
  const url = new URL('/agent', collectorUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
};

const factsOf = (identity: DeviceIdentity, osVersion: string) => ({
  hostname: identity.assetId || identity.serialNumber || 'Chromebook', platform: Platform.PLATFORM_CHROMEOS, osName: 'ChromeOS',
  osVersion, agentVersion: EXTENSION_VERSION, hardwareSerial: identity.serialNumber,
  directoryDeviceId: identity.directoryDeviceId, assetId: identity.assetId,
});

/** One WebSocket conversation: resolves with each frame in turn, rejects when the socket closes. */
const openConversation = async (url: string) => {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  const frames: Frame[] = [];
  const waiting: Array<{ resolve: (frame: Frame) => void; reject: (error: Error) => void }> = [];
  let closed: Error | undefined;
  socket.onmessage = (message) => {
    const frame = decodeFrame(new Uint8Array(message.data as ArrayBuffer));
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(frame);
    else frames.push(frame);
  };
  socket.onclose = (event) => {
    closed = new Error(`the collector closed the connection (${event.code} ${event.reason})`);
    for (const waiter of waiting.splice(0)) waiter.reject(closed);
  };
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error(`cannot reach ${url}`));
  });
  return {
    socket,
    send: (frame: Frame) => socket.send(encodeFrame(frame)),
    next: (): Promise<Frame> => {
      const frame = frames.shift();
      if (frame) return Promise.resolve(frame);
      if (closed) return Promise.reject(closed);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
};
type Conversation = Awaited<ReturnType<typeof openConversation>>;

export const createExtension = ({ platform, store, warn }: ExtensionDeps) => {
  const outbox: Outbox = createOutbox(store);
  const labels = new Map<string, string>(); // transient storage id → its name, for the detach event
  let conversation: Conversation | undefined;
  let sending = false;
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const enrol = async (identity: DeviceIdentity): Promise<Credential | undefined> => {
    const { collectorUrl, enrolmentSecret } = await platform.managedSettings();
    if (!collectorUrl || !enrolmentSecret) {
      warn('The managed-storage policy (collectorUrl, enrolmentSecret) has not reached this Chromebook yet; see installers/chromeos.');
      return undefined;
    }
    const enrolling = await openConversation(agentUrlOf(collectorUrl));
    enrolling.send({ enrolRequest: { enrolmentSecret, facts: factsOf(identity, platform.osVersion()) } });
    const reply = await enrolling.next();
    enrolling.socket.close();
    const { deviceId, deviceCredential } = reply.enrolResponse ?? {};
    if (!deviceId || !deviceCredential) throw new Error(`enrolment refused: ${reply.error?.code ?? 'no answer'}`);
    const credential = { deviceId, deviceCredential, collectorUrl };
    await store.set(CREDENTIAL_KEY, credential);
    return credential;
  };

  /** Sends what the outbox holds, a batch at a time, each after the last was acknowledged. */
  const flush = async (): Promise<void> => {
    if (!conversation || sending) return;
    sending = true;
    try {
      for (let pending = await outbox.pending(); pending.length > 0 && conversation; pending = await outbox.pending()) {
        const batch = pending.slice(0, MAX_BATCH);
        conversation.send({ batch: { events: batch.map((event) => ({ seq: event.seq, occurredAtMs: event.occurredAtMs, misuse: event.misuse })) } });
        const reply = await conversation.next();
        if (!reply.ack) throw new Error(`expected an ack, got ${reply.error?.code ?? Object.keys(reply).join(',')}`);
        await outbox.committed(Number(reply.ack.upToSeq));
      }
    } finally {
      sending = false;
    }
  };

  const connect = async (): Promise<void> => {
    const identity = await platform.deviceIdentity();
    const credential = (await store.get(CREDENTIAL_KEY) as Credential | undefined) ?? await enrol(identity);
    if (!credential) throw new Error('not enrolled yet');
    const next = await openConversation(agentUrlOf(credential.collectorUrl));
    const { outboxId, highestSeq } = await outbox.identity();
    // The outbox's identity: a wiped outbox (Powerwash, reinstall) starts a new series instead of taking old numbers.
    next.send({ hello: {
      deviceId: credential.deviceId, deviceCredential: credential.deviceCredential, facts: factsOf(identity, platform.osVersion()), outboxId, highestSeq,
    } });
    const welcome = await next.next();
    if (!welcome.welcome) {
      next.socket.close();
      // A revoked or unknown credential (the device was removed): enrol again next time.
      if (welcome.error?.code === 'AUTH_FAILED') await store.set(CREDENTIAL_KEY, undefined);
      throw new Error(`the collector refused this Chromebook: ${welcome.error?.code ?? 'no welcome'}`);
    }
    await outbox.committed(Number(welcome.welcome.committedSeq ?? 0));
    conversation = next;
    next.socket.addEventListener('close', () => {
      if (conversation === next) conversation = undefined;
      scheduleReconnect();
    });
    retryMs = FIRST_RETRY_MS;
    await flush();
  };

  const scheduleReconnect = (): void => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void ensureConnected();
    }, retryMs);
    retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
  };

  const ensureConnected = async (): Promise<void> => {
    if (stopped) return;
    if (conversation) {
      await flush().catch((error: unknown) => warn(`Sending failed: ${String(error)}`));
      return;
    }
    try {
      await connect();
    } catch (error) {
      warn(`Not connected to the collector: ${String((error as Error).message ?? error)}`);
      scheduleReconnect();
    }
  };

  /** Events enter the outbox in the order they happened, each with its own time, whatever the user lookup takes. */
  let inOrder: Promise<unknown> = Promise.resolve();
  const record = (misuse: Record<string, unknown>): void => {
    const at = Date.now();
    const added = inOrder.then(async () => outbox.add(await withUser(misuse), at));
    inOrder = added.catch((error: unknown) => warn(`Could not keep an event: ${String((error as Error).message ?? error)}`));
    // Sending waits for nothing but the event's own place in the outbox.
    void added.then(ensureConnected, () => undefined);
  };

  /** Who was signed in, for the DSL; a failure to ask never holds the event back. */
  const userNow = async (): Promise<string> => {
    try {
      return await platform.signedInUser();
    } catch (error) {
      warn(`Could not read the signed-in user: ${String((error as Error).message ?? error)}`);
      return '';
    }
  };
  const withUser = async (misuse: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const user = await userNow();
    return user ? { ...misuse, user } : misuse;
  };

  const attached = (unit: StorageUnit): void => {
    if (unit.type !== 'removable') return;
    labels.set(unit.id, unit.name);
    record({ kind: MisuseKind.MEDIA_ATTACHED, device: { label: unit.name, sizeBytes: Math.max(0, Math.round(unit.capacity)), bus: 'usb' } });
  };
  const detached = (id: string): void => {
    const label = labels.get(id) ?? '';
    labels.delete(id);
    record({ kind: MisuseKind.MEDIA_DETACHED, device: { label } });
  };

  return {
    /** Registers the storage listeners at once (an event may be what woke the service worker), then connects. */
    start(): void {
      stopped = false;
      platform.onStorageAttached(attached);
      platform.onStorageDetached(detached);
      void ensureConnected();
    },
    /** Called when the Chromebook comes back online or an alarm wakes the worker: resend what waits. */
    wake: (): Promise<void> => ensureConnected(),
    stop(): void {
      stopped = true;
      clearTimeout(retryTimer);
      conversation?.socket.close();
      conversation = undefined;
    },
  };
};
