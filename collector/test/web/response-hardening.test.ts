// What every HTTP answer carries, who may read /metrics, and that no error echoes the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createApiToken } from '../../src/tokens.ts';
import { pageCsp } from '../../src/web/security-headers.ts';
import { startTestCollector, type TestCollector } from '../helpers/collector.ts';

const METRICS_TOKEN = 'scraper-token-0123456789';
let collector: TestCollector;
let admin: string;
let technician: string;

beforeAll(async () => {
  collector = await startTestCollector({ metricsToken: METRICS_TOKEN });
  admin = (await createApiToken(collector.store, { role: 'admin' }, Date.now())).token;
  technician = (await createApiToken(collector.store, { role: 'technician' }, Date.now())).token;
});
afterAll(async () => { await collector.cleanUp(); });

const call = (path: string, init: RequestInit & { token?: string } = {}) => fetch(`${collector.apiUrl}${path}`, {
  ...init, headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers ?? {}) },
});

describe('security headers', () => {
  it.each([
    ['the dashboard', '/', undefined],
    ['an API list', '/api/v1/devices', 'admin'],
    ['liveness', '/healthz', undefined],
    ['a 401', '/api/v1/devices', undefined],
    ['a 404', '/no/such/page', undefined],
  ])('%s carries the full set', async (_what, path, who) => {
    const response = await call(path, who ? { token: admin } : {});
    const header = (name: string) => response.headers.get(name);
    expect(header('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(header('x-content-type-options')).toBe('nosniff');
    // no-referrer on data; a page keeps same-origin so its own form posts carry its origin (never sent elsewhere).
    expect(header('referrer-policy')).toBe(path === '/' ? 'same-origin' : 'no-referrer');
    expect(header('cache-control')).toBe('no-store');
    expect(header('x-frame-options')).toBe('DENY');
    expect(header('strict-transport-security')).toBeNull(); // plain http: HSTS only under TLS
  });

  it('lets the dashboard run only its own script files and its import map (by hash), with no inline style', async () => {
    const page = await call('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    const importMap = /<script type="importmap">([^<]*)<\/script>/.exec(await page.text())?.[1] ?? '';
    expect(csp).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(importMap).digest('base64')}';`);
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves the dashboard\'s script, style and library files to anyone, revalidated rather than kept blindly', async () => {
    for (const [path, type] of [['/ui/main.js', 'javascript'], ['/ui/app.css', 'text/css'], ['/vendor/preact/preact.mjs', 'javascript']] as const) {
      const response = await call(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain(type);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('serves nothing beside those folders: no path climbs out of them', async () => {
    for (const path of ['/ui/../../access.ts', '/ui/%2e%2e/%2e%2e/access.ts', '/ui/..%2f..%2faccess.ts', '/vendor/preact/%2e%2e/package.json', '/ui/']) {
      const response = await call(path);
      expect([401, 404], path).toContain(response.status);
      expect(await response.text(), path).not.toMatch(/import|"name"/);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('the policy of an HTML document other than the dashboard (a report shown in the browser)', () => {
  it('allows its own inline style by hash and no script at all', () => {
    const style = 'body { font-family: sans-serif; }';
    const csp = pageCsp(`<html><head><style>${style}</style></head><body>x</body></html>`);
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('/metrics', () => {
  it('needs the scraper\'s token or an admin\'s or network manager\'s', async () => {
    expect((await call('/metrics')).status).toBe(401);
    expect((await call('/metrics', { token: 'wrong.token' })).status).toBe(401);
    expect((await call('/metrics', { token: technician })).status).toBe(403);
    expect((await call('/metrics', { token: admin })).status).toBe(200);
    const scraped = await call('/metrics', { token: METRICS_TOKEN });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('invigilator_alerts_open');
  });
});

describe('requests refused in the documented shape, echoing nothing', () => {
  const MARK = 'zz-echo-marker';
  it.each([
    ['an unknown query parameter on a list with a schema', `/api/v1/alerts?${MARK}=1`, {}],
    ['a query parameter where none is taken', `/api/v1/devices?${MARK}=1`, {}],
    ['a URL that does not decode', `/api/v1/devices/%E0%A4%A${MARK}`, {}],
    ['a body that is not JSON', `/api/v1/alerts/x/acknowledge`, { method: 'POST', body: `{${MARK}`, headers: { 'content-type': 'application/json' } }],
    ['a body of an unknown type', `/api/v1/alerts/x/acknowledge`, { method: 'POST', body: MARK, headers: { 'content-type': `text/${MARK}` } }],
  ])('%s: 400 BAD_REQUEST', async (_what, path, init: RequestInit) => {
    const response = await call(path, { ...init, token: admin });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(text).not.toContain(MARK);
    expect(text).not.toContain('/api/v1');
  });

  it('keeps an unknown parameter out of the audit log', async () => {
    await call(`/api/v1/alerts?category=misuse&${MARK}=1`, { token: admin });
    const audit = await (await call('/api/v1/audit', { token: admin })).json() as { entries: { target: string }[] };
    expect(JSON.stringify(audit)).not.toContain(MARK);
  });
});
