// Drives generated frames and HTTP requests through a real collector process and counts what must never
// happen: the process dying, a 5xx answer, a row written from input that is invalid by construction.
// Used by `npm run fuzz` (a million frames) and by a 10,000-input slice in the test suite.
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { DEFAULT_LIST_LIMIT, DEFAULT_TEXT_LIMIT, TEXT_LIMITS } from '@invigilator/shared/field-limits.ts';
import { encodeFrame, MAX_SEQ, v1, type Event, type Frame } from '@invigilator/shared/wire.ts';
import { COLLECTOR_BIN, runCli, startCollector, tempDir, type CollectorUnderTest } from './processes.ts';

export interface FuzzCounts { frames: number; requests: number; crashes: number; serverErrors: number; rowsFromInvalid: number; seconds: number }

// Text that a hostile device would send: controls, bidirectional overrides, astral characters, lone surrogates.
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('gpj.exe\u202E', '\u0000\u0007\u001b[2J', '\uD800', '../../etc/passwd', '<script>x</script>', 'Ω≈ç√∫'),
);
/** Longer than any text field may be. */
const longText = fc.integer({ min: Math.max(DEFAULT_TEXT_LIMIT, ...Object.values(TEXT_LIMITS)) + 1, max: 8000 }).map((length) => 'x'.repeat(length));
const anyNumber = fc.oneof(fc.integer(), fc.constantFrom(0, -1, MAX_SEQ, MAX_SEQ + 1, Number.MAX_SAFE_INTEGER, 2 ** 63), fc.double());

const facts = fc.record({
  hostname: hostileText, platform: fc.integer({ min: -2, max: 9 }), osName: hostileText, osVersion: hostileText,
  agentVersion: hostileText, hardwareSerial: hostileText, hardwareModel: hostileText,
}, { requiredKeys: [] });

const removable = fc.record({ vendor: hostileText, model: hostileText, serial: hostileText, label: hostileText, sizeBytes: fc.nat(), bus: hostileText, device: hostileText }, { requiredKeys: [] });
const misuse = fc.record({
  kind: fc.integer({ min: -1, max: 9 }), device: removable, user: hostileText, detail: hostileText,
  file: fc.record({ name: hostileText, nameSha256: hostileText, sizeBytes: fc.nat(), relativeDir: hostileText }, { requiredKeys: [] }),
}, { requiredKeys: [] });
const observation = fc.record({
  check: fc.oneof(fc.constantFrom('encryption', 'antivirus', 'firewall', 'password-policy', 'removable-media'), hostileText),
  status: fc.integer({ min: -1, max: 5 }), reasonCode: hostileText, reason: hostileText, sourceIds: fc.array(hostileText, { maxLength: 4 }),
  firewall: fc.record({ enabled: fc.integer({ min: 0, max: 3 }), backend: hostileText, inboundDefault: fc.integer({ min: 0, max: 4 }) }, { requiredKeys: [] }),
}, { requiredKeys: [] });
const event = (seq: fc.Arbitrary<number>): fc.Arbitrary<Event> => fc.record({
  seq, occurredAtMs: anyNumber, body: fc.oneof(observation.map((o) => ({ observation: o })), misuse.map((m) => ({ misuse: m }))),
}).map(({ seq: s, occurredAtMs, body }) => ({ seq: s, occurredAtMs: Math.trunc(Math.abs(occurredAtMs)) || 0, ...body }) as Event);

/** Any frame the schema allows, as an authenticated device might send it. */
export const anyFrame: fc.Arbitrary<Frame> = fc.oneof(
  fc.array(event(fc.integer({ min: 1, max: 1000 })), { maxLength: 5 }).map((events) => ({ batch: { events } })),
  fc.record({ sentAtMs: fc.nat(), outboxDepth: fc.nat() }).map((heartbeat) => ({ heartbeat })),
  fc.record({ deviceId: hostileText, deviceCredential: hostileText, facts }).map((hello) => ({ hello })),
  fc.nat().map((upToSeq) => ({ ack: { upToSeq } })),
  fc.record({ code: hostileText, message: hostileText }).map((error) => ({ error })),
);

/** Frames that must be refused whole, after a good Hello: each breaks one rule. */
export const invalidFrame: fc.Arbitrary<Uint8Array> = fc.oneof(
  // Raw bytes behind a tag no decoder accepts (field 1 with wire type 7), so none happens to be a valid frame.
  fc.uint8Array({ maxLength: 512 }).map((bytes) => Uint8Array.of(0x0f, ...bytes)),
  fc.oneof(
    longText.map((text): Event => ({ seq: 1, occurredAtMs: 1, misuse: { kind: 4, detail: text } })),
    observation.map((o): Event => ({ seq: MAX_SEQ + 1, occurredAtMs: 1, observation: o })),
    fc.array(fc.constant('s'), { minLength: DEFAULT_LIST_LIMIT + 1, maxLength: DEFAULT_LIST_LIMIT + 2 })
      .map((sourceIds): Event => ({ seq: 1, occurredAtMs: 1, observation: { check: 'firewall', sourceIds } })),
    fc.constant<Event>({ seq: 1, occurredAtMs: 1 }), // neither an observation nor a misuse event
  ).chain((bad) => fc.constantFrom<Event[]>([bad], [{ seq: MAX_SEQ, occurredAtMs: 1, misuse: { kind: 1 } }, { ...bad, seq: 1 }]))
    .map((events) => v1.Frame.encode({ batch: { events } }).finish()),
  fc.constant(v1.Frame.encode({ enrolRequest: { enrolmentSecret: 'not-a-secret' } }).finish()),
);

const rowCount = (database: DatabaseSync): number =>
  ['events', 'devices', 'alerts', 'verdicts'].reduce((total, table) =>
    total + Number((database.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n), 0);

/** One connection: Hello with the credential (when given), then one frame; resolves when the collector answers or closes. */
const sendOnConnection = (url: string, credential: { deviceId: string; deviceCredential: string } | undefined, frame: Uint8Array | string): Promise<void> =>
  new Promise((resolve) => {
    const socket = new WebSocket(url);
    const done = (): void => { socket.terminate(); resolve(); };
    const timer = setTimeout(done, 5000);
    socket.on('error', () => undefined);
    socket.on('close', () => { clearTimeout(timer); resolve(); });
    let greeted = credential === undefined;
    socket.on('open', () => {
      if (credential) socket.send(encodeFrame({ hello: credential }));
      else socket.send(frame);
    });
    socket.on('message', () => {
      if (!greeted) {
        greeted = true;
        socket.send(frame);
        // A frame the collector accepts without answering (a heartbeat) ends here.
        setTimeout(done, 50);
        return;
      }
      done();
    });
  });

interface Session { readonly open: boolean; send(frame: Uint8Array): Promise<void>; close(): void }

/** An authenticated connection that answers each frame (or stays quiet for a heartbeat), until the collector closes it. */
const openSession = (url: string, credential: { deviceId: string; deviceCredential: string }): Promise<Session> => new Promise((resolve) => {
  const socket = new WebSocket(url);
  let waiting: (() => void) | undefined;
  let open = false;
  const wake = (): void => { const done = waiting; waiting = undefined; done?.(); };
  const session: Session = {
    get open() { return open; },
    send: (frame) => new Promise((done) => {
      if (!open) { done(); return; }
      waiting = done;
      socket.send(frame);
      setTimeout(wake, 30); // heartbeats get no answer
    }),
    close: () => socket.terminate(),
  };
  socket.on('error', () => undefined);
  socket.on('close', () => { open = false; wake(); resolve(session); });
  socket.on('open', () => socket.send(encodeFrame({ hello: credential })));
  socket.on('message', () => {
    if (!open) { open = true; resolve(session); return; }
    wake();
  });
});

const ROUTES = ['/', '/healthz', '/metrics', '/api/v1/me', '/api/v1/devices', '/api/v1/devices/x', '/api/v1/devices/x/events',
  '/api/v1/alerts', '/api/v1/alerts/x/acknowledge', '/api/v1/alerts/x/resolve', '/api/v1/audit', '/agent', '/nope'];
const httpRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'),
  route: fc.constantFrom(...ROUTES),
  suffix: fc.oneof(fc.constant(''), fc.webPath(), fc.string({ maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('%', '%E0%A4%A', '/..%2f..', '%00')),
  query: fc.oneof(fc.constant(''), fc.webQueryParameters().map((q) => `?${q}`), fc.constantFrom('?limit=0', '?limit=99999', '?status=open,,', '?before=-1', '?category=misuse&x=1')),
  token: fc.boolean(),
  contentType: fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'),
  body: fc.oneof(fc.constant(undefined), fc.json(), fc.string({ maxLength: 200 })),
});

export interface FuzzOptions {
  frames: number;
  requests: number;
  /** The share of frames invalid by construction (each costs a connection); the rest are anything the schema allows. */
  invalidShare?: number;
  concurrency?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** Starts its own collector process in a temp folder, drives the inputs, stops it and returns the counts. */
export const runFuzz = async ({ frames, requests, invalidShare = 0.5, concurrency = 16, seed = Date.now(), log = () => undefined }: FuzzOptions): Promise<FuzzCounts & { dataDir: string }> => {
  const started = performance.now();
  const dataDir = tempDir('fuzz');
  const collector: CollectorUnderTest = await startCollector(dataDir);
  const counts: FuzzCounts = { frames: 0, requests: 0, crashes: 0, serverErrors: 0, rowsFromInvalid: 0, seconds: 0 };
  try {
    const secret = runCli(COLLECTOR_BIN, ['school', 'add', '--data-dir', dataDir, '--id', 'fuzz', '--name', 'Fuzz School']);
    const token = runCli(COLLECTOR_BIN, ['token', 'create', '--data-dir', dataDir, '--role', 'admin']);
    const url = `${collector.wsUrl}/agent`;
    const credential = await new Promise<{ deviceId: string; deviceCredential: string }>((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.on('open', () => socket.send(encodeFrame({ enrolRequest: { enrolmentSecret: secret, facts: { hostname: 'fuzz-device' } } })));
      socket.on('message', (data: Buffer) => {
        const reply = v1.Frame.decode(data).enrolResponse;
        if (reply?.deviceId && reply.deviceCredential) resolve({ deviceId: reply.deviceId, deviceCredential: reply.deviceCredential });
        else reject(new Error('enrolment refused'));
      });
      socket.on('error', reject);
    });
    const database = new DatabaseSync(path.join(dataDir, 'collector.sqlite'), { readOnly: true });
    const alive = (): boolean => collector.process.child.exitCode === null && collector.process.child.signalCode === null;
    const pool = async (total: number, next: (index: number) => Promise<void>): Promise<void> => {
      let index = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (index < total && alive()) await next(index++);
      }));
    };

    // Frames invalid by construction: not one row may come of them.
    const invalid = fc.sample(invalidFrame, { numRuns: Math.ceil(frames * invalidShare), seed });
    const before = rowCount(database);
    const phase = performance.now();
    await pool(invalid.length, async (index) => {
      await sendOnConnection(url, index % 2 === 0 ? undefined : credential, index % 50 === 0 ? 'text frame' : invalid[index] as Uint8Array);
      counts.frames += 1;
      if (counts.frames % 50_000 === 0) log(`  ${counts.frames} frames`);
    });
    counts.rowsFromInvalid = rowCount(database) - before;
    log(`  ${invalid.length} invalid frames in ${((performance.now() - phase) / 1000).toFixed(1)} s`);

    // The rest anything the schema allows, valid or not, on connections kept until the collector closes them.
    const anything = fc.sample(anyFrame, { numRuns: frames - invalid.length, seed: seed + 1 });
    let cursor = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      let session: Session | undefined;
      while (cursor < anything.length && alive()) {
        session = session?.open ? session : await openSession(url, credential);
        const index = cursor++;
        if (index >= anything.length) break;
        await session.send(encodeFrameLeniently(anything[index] as Frame));
        counts.frames += 1;
        if (counts.frames % 50_000 === 0) log(`  ${counts.frames} frames`);
      }
      session?.close();
    }));

    log(`  ${anything.length} frames of any kind by ${((performance.now() - phase) / 1000).toFixed(1)} s`);
    const http = fc.sample(httpRequest, { numRuns: requests, seed: seed + 2 });
    await pool(http.length, async (index) => {
      const r = http[index]!;
      const hasBody = r.body !== undefined && !['GET', 'HEAD'].includes(r.method);
      try {
        const response = await fetch(`${collector.httpUrl}${r.route}${r.suffix}${r.query}`, {
          method: r.method,
          headers: { ...(r.token ? { authorization: `Bearer ${token}` } : {}), ...(r.contentType ? { 'content-type': r.contentType } : {}) },
          ...(hasBody ? { body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) } : {}),
        });
        await response.arrayBuffer();
        if (response.status >= 500) {
          counts.serverErrors += 1;
          log(`  5xx ${response.status} for ${r.method} ${r.route}${r.suffix}${r.query}`);
        }
      } catch {
        // A refused or reset request is not a 5xx; a dead collector is counted below.
      }
      counts.requests += 1;
    });
    log(`  ${http.length} HTTP requests by ${((performance.now() - phase) / 1000).toFixed(1)} s`);
    database.close();
    counts.crashes = alive() ? 0 : 1;
  } finally {
    await collector.process.stop();
  }
  counts.seconds = (performance.now() - started) / 1000;
  return { ...counts, dataDir };
};

/** A generated frame may hold values the encoder itself refuses (over the frame limit): those go as raw bytes. */
const encodeFrameLeniently = (frame: Frame): Uint8Array => {
  try {
    return v1.Frame.encode(frame).finish();
  } catch {
    return new Uint8Array([0xff, 0xff]);
  }
};
