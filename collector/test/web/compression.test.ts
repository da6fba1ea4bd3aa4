// Reads are compressed for browsers that ask; answers to writes (which may hold a secret shown once) and the
// live stream never are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { createApiToken } from '../../src/tokens.ts';
import { addCompression } from '../../src/web/compression.ts';
import { startTestCollector, type TestCollector } from '../helpers/collector.ts';

let collector: TestCollector;
let admin: string;

beforeAll(async () => {
  collector = await startTestCollector();
  admin = (await createApiToken(collector.store, { role: 'admin' }, Date.now())).token;
});
afterAll(async () => { await collector.cleanUp(); });

interface RawAnswer { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** node:http rather than fetch: fetch inflates answers itself, and these tests need the bytes as sent. */
const send = (base: string, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string | Buffer): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });

const inflate = (answer: RawAnswer): string => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
};

describe('compressed reads', () => {
  it.each([['br'], ['gzip']])('sends the dashboard\'s script files in %s when asked, the same text once inflated', async (encoding) => {
    const plain = await send(collector.apiUrl, '/ui/main.js');
    const packed = await send(collector.apiUrl, '/ui/main.js', { 'accept-encoding': encoding });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length);
    expect(inflate(packed)).toBe(plain.body.toString('utf8'));
  });

  it('compresses a large API answer and keeps its security headers', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const plain = await send(collector.apiUrl, '/api/v1/openapi.json', auth);
    const packed = await send(collector.apiUrl, '/api/v1/openapi.json', { ...auth, 'accept-encoding': 'br, gzip' });
    expect(plain.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe('br');
    expect(JSON.parse(inflate(packed))).toEqual(JSON.parse(plain.body.toString('utf8')));
    expect(packed.headers['cache-control']).toBe('no-store');
    expect(packed.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never compresses the live stream, whose events must reach the page as they happen', async () => {
    const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.get(`${collector.apiUrl}/api/v1/live`, { headers: { authorization: `Bearer ${admin}`, 'accept-encoding': 'gzip, br' } }, resolve);
      request.on('error', reject);
    });
    expect(answer.headers['content-type']).toContain('text/event-stream');
    expect(answer.headers['content-encoding']).toBeUndefined();
    const first = await new Promise<string>((resolve) => answer.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    expect(first).toContain('event: ready');
    answer.destroy();
  });
});

describe('answers to writes', () => {
  it('are sent as they are however large, so no secret in them is compressed beside the requester\'s own text', async () => {
    const app = Fastify();
    addCompression(app);
    const large = { secret: 'shown-once', echo: 'x'.repeat(8000) };
    // Declared in a plugin after the compression's, as the collector declares its routes.
    app.register(async (routes) => {
      routes.post('/write', async () => large);
      routes.get('/read', async () => large);
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const write = await send(base, '/write', { 'accept-encoding': 'br, gzip', 'content-type': 'application/json' }, 'POST', '{}');
      const read = await send(base, '/read', { 'accept-encoding': 'br, gzip' });
      expect(write.status).toBe(200);
      expect(write.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(write.body.toString('utf8'))).toEqual(large);
      expect(read.headers['content-encoding']).toBe('br');
    } finally {
      await app.close();
    }
  });

  it('does not inflate a compressed request body: nothing the API takes is large, and an inflated body could be', async () => {
    const app = Fastify();
    addCompression(app);
    app.register(async (routes) => { routes.post('/write', async (request) => ({ got: request.body })); });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const body = gzipSync(JSON.stringify({ a: 1 }));
      const answer = await send(base, '/write', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'POST', body);
      expect(answer.status).toBe(400);
      expect(answer.body.toString('utf8')).not.toContain('"got"');
    } finally {
      await app.close();
    }
  });
});
