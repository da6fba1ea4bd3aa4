// A local HTTPS server answering as Google's token endpoint, Directory API, Chrome Policy API (policies:resolve) and
// Cloud Identity Policy API (policies.list) do, in their documented JSON shapes: the token endpoint checks the JWT's
// RS256 signature and claims against the service account's public key and issues a token for the scope asked (refused
// for a scope the test withholds, as when delegation lacks it); each API accepts only a token of its own scope; the
// directory pages its devices and filters them by organisational unit and "sync:DAY..". Scripted failures (429, 5xx,
// a token expired early, a revoked account) come from the tests. The certificate is self-signed, made per server.
import { execFileSync } from 'node:child_process';
import { createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir.ts';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/chromeos');

/** A fixture's JSON; the published Pixelbook record double-escapes its etag (see its source note), fixed here as the real API sends it. */
export const chromeosFixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8').replace(/"\\\\"(.*?)\\\\""/g, '"\\"$1\\""')) as Record<string, unknown>;

export type GoogleApiName = 'directory' | 'policy' | 'identity' | 'telemetry';
/** Answered instead of the real answer by the next request to `api` (the directory when not named). */
export interface ScriptedAnswer { status: number; body: string; headers?: Record<string, string>; api?: GoogleApiName }

/** One resolved policy the Chrome Policy API holds: its schema's value for an org unit ("orgunits/ID"). */
export interface HeldChromePolicy { targetResource: string; policySchema: string; value: Record<string, unknown> }

export interface GoogleAdminServer {
  apiBase: string;
  caFile: string;
  ca: Buffer;
  serviceAccountFile: string;
  clientEmail: string;
  /** Devices the directory holds, as resources. */
  devices: Record<string, unknown>[];
  pageSize: number;
  /** Seconds each issued token lives. */
  tokenLifetimeS: number;
  /** Answers the next requests get instead of the real answer, in order (each to its API). */
  scripted: ScriptedAnswer[];
  chromePolicies: HeldChromePolicy[];
  /** The Cloud Identity policies list, every setting type, as the API returns them. */
  identityPolicies: Record<string, unknown>[];
  /** Scopes the token endpoint refuses (delegation not granted for them). */
  refusedScopes: Set<string>;
  policyRequests: { policySchemaFilter: string; targetResource: string }[];
  /** Chrome Management telemetry events (USB_ADDED, USB_REMOVED, ...) as the API returns them. */
  telemetryEvents: Record<string, unknown>[];
  /** Chrome Management telemetry devices (deviceId, osUpdateStatus, ...). */
  telemetryDevices: Record<string, unknown>[];
  telemetryRequests: URL[];
  /** The public Version History API's ChromeOS stable versions (answered without a token, as Google's is). */
  stableVersions: string[];
  identityRequests: URL[];
  /** The token endpoint answers as for a service account whose delegation was withdrawn. */
  revoked: boolean;
  /** Every token issued so far stops working (the API answers 401) though the connector thinks it is alive. */
  expireIssuedTokens(): void;
  tokenRequests: { sub: string; scope: string; iss: string }[];
  directoryRequests: URL[];
  close(): Promise<void>;
}

const API_SCOPES: Record<GoogleApiName, string> = {
  directory: 'https://www.googleapis.com/auth/admin.directory.device.chromeos.readonly',
  policy: 'https://www.googleapis.com/auth/chrome.management.policy.readonly',
  identity: 'https://www.googleapis.com/auth/cloud-identity.policies.readonly',
  telemetry: 'https://www.googleapis.com/auth/chrome.management.telemetry.readonly',
};

const apiOf = (method: string, path: string): GoogleApiName | undefined => {
  if (method === 'GET' && /^\/admin\/directory\/v1\/customer\/[^/]+\/devices\/chromeos$/.test(path)) return 'directory';
  if (method === 'POST' && /^\/v1\/customers\/[^/]+\/policies:resolve$/.test(path)) return 'policy';
  if (method === 'GET' && path === '/v1/policies') return 'identity';
  if (method === 'GET' && /^\/v1\/customers\/[^/]+\/telemetry\/(events|devices)$/.test(path)) return 'telemetry';
  return undefined;
};

const base64urlJson = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

const verifyAssertion = (assertion: string, publicKey: KeyObject): Record<string, unknown> | undefined => {
  const [header, claims, signature] = assertion.split('.');
  if (!header || !claims || !signature) return undefined;
  if (base64urlJson(header).alg !== 'RS256') return undefined;
  const good = createVerify('RSA-SHA256').update(`${header}.${claims}`).verify(publicKey, Buffer.from(signature, 'base64url'));
  return good ? base64urlJson(claims) : undefined;
};

const readBody = (request: import('node:http').IncomingMessage): Promise<string> => new Promise((resolve, reject) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  request.on('error', reject);
});

export const startGoogleAdminServer = async (): Promise<GoogleAdminServer> => {
  const temp = makeTempDir();
  const certFile = join(temp.dir, 'cert.pem');
  const keyFile = join(temp.dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
  { stdio: 'ignore' });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientEmail = 'invigilator-reader@north-trust.iam.gserviceaccount.com';
  const issued = new Map<string, { expiresAt: number; scope: string }>();
  let tokenNumber = 0;

  const state: Omit<GoogleAdminServer, 'apiBase' | 'close'> = {
    caFile: certFile, ca: readFileSync(certFile), serviceAccountFile: join(temp.dir, 'service-account.json'), clientEmail,
    devices: [], pageSize: 300, tokenLifetimeS: 3599, scripted: [], revoked: false, chromePolicies: [], identityPolicies: [],
    refusedScopes: new Set(), policyRequests: [], identityRequests: [], telemetryEvents: [], telemetryDevices: [], telemetryRequests: [],
    stableVersions: ['130.0.6723.126'],
    expireIssuedTokens: () => issued.clear(), tokenRequests: [], directoryRequests: [],
  };

  const answerJson = (response: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const server: Server = createServer({ cert: state.ca, key: readFileSync(keyFile) }, (request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'https://127.0.0.1');
      if (request.method === 'POST' && url.pathname === '/token') {
        const form = new URLSearchParams(await readBody(request));
        const claims = form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer'
          ? verifyAssertion(form.get('assertion') ?? '', publicKey) : undefined;
        const now = Date.now() / 1000;
        if (!claims || claims.iss !== clientEmail || claims.aud !== `${apiBase}/token` || Number(claims.exp) < now || Number(claims.iat) > now + 60) {
          answerJson(response, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
          return;
        }
        state.tokenRequests.push({ sub: String(claims.sub), scope: String(claims.scope), iss: String(claims.iss) });
        if (state.revoked || String(claims.scope).split(' ').some((scope) => state.refusedScopes.has(scope))) {
          answerJson(response, 401, readFileSync(join(FIXTURES, 'token-error.1-unauthorized-client.json'), 'utf8'));
          return;
        }
        const token = `ya29.test-${tokenNumber += 1}`;
        issued.set(token, { expiresAt: Date.now() + state.tokenLifetimeS * 1000, scope: String(claims.scope) });
        answerJson(response, 200, { access_token: token, expires_in: state.tokenLifetimeS, token_type: 'Bearer' });
        return;
      }
      if (request.method === 'GET' && url.pathname === '/v1/chrome/platforms/chromeos/channels/stable/versions') {
        answerJson(response, 200, { versions: state.stableVersions.map((version) => ({ name: `chrome/platforms/chromeos/channels/stable/versions/${version}`, version })) });
        return;
      }
      const api = apiOf(request.method ?? '', url.pathname);
      if (!api) {
        answerJson(response, 404, { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } });
        return;
      }
      const body = request.method === 'POST' ? JSON.parse(await readBody(request) || '{}') as Record<string, unknown> : {};
      if (api === 'directory') state.directoryRequests.push(url);
      if (api === 'identity') state.identityRequests.push(url);
      if (api === 'telemetry') state.telemetryRequests.push(url);
      if (api === 'policy') {
        state.policyRequests.push({ policySchemaFilter: String(body.policySchemaFilter), targetResource: String((body.policyTargetKey as { targetResource?: unknown } | undefined)?.targetResource) });
      }
      const token = issued.get(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
      if (!token || token.expiresAt <= Date.now()) {
        answerJson(response, 401, { error: { code: 401, message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', status: 'UNAUTHENTICATED' } });
        return;
      }
      if (!token.scope.split(' ').includes(API_SCOPES[api])) {
        answerJson(response, 403, { error: { code: 403, message: 'Request had insufficient authentication scopes.', status: 'PERMISSION_DENIED' } });
        return;
      }
      const scriptedAt = state.scripted.findIndex((answer) => (answer.api ?? 'directory') === api);
      if (scriptedAt >= 0) {
        const [scripted] = state.scripted.splice(scriptedAt, 1);
        answerJson(response, scripted!.status, scripted!.body, scripted!.headers);
        return;
      }
      if (api === 'policy') {
        const target = (body.policyTargetKey as { targetResource?: unknown } | undefined)?.targetResource;
        answerJson(response, 200, { resolvedPolicies: state.chromePolicies
          .filter((held) => held.targetResource === target && held.policySchema === body.policySchemaFilter)
          .map((held) => ({ targetKey: { targetResource: target }, value: { policySchema: held.policySchema, value: held.value }, sourceKey: { targetResource: target } })) });
        return;
      }
      const size = api !== 'directory' ? Number(url.searchParams.get('pageSize') ?? 50) : Math.min(state.pageSize, Number(url.searchParams.get('maxResults') ?? 100));
      const start = Number(url.searchParams.get('pageToken') ?? 0);
      const next = (count: number) => (start + size < count ? { nextPageToken: String(start + size) } : {});
      if (api === 'identity') {
        answerJson(response, 200, { policies: state.identityPolicies.slice(start, start + size), ...next(state.identityPolicies.length) });
        return;
      }
      if (api === 'telemetry' && url.pathname.endsWith('/devices')) {
        answerJson(response, 200, { devices: state.telemetryDevices.slice(start, start + size), ...next(state.telemetryDevices.length) });
        return;
      }
      if (api === 'telemetry') {
        if (!url.searchParams.get('readMask')) {
          answerJson(response, 400, { error: { code: 400, message: 'read_mask is required.', status: 'INVALID_ARGUMENT' } });
          return;
        }
        // The filter as the connector writes it: the event types asked for and timestamp >= "RFC3339".
        const filter = url.searchParams.get('filter') ?? '';
        const types = [...filter.matchAll(/event_type = "([A-Z_]+)"/g)].map((found) => found[1]);
        const since = Date.parse(/timestamp >= "([^"]+)"/.exec(filter)?.[1] ?? '');
        const chosen = state.telemetryEvents.filter((event) => types.includes(String(event.eventType))
          && (Number.isNaN(since) || Date.parse(String(event.reportTime)) >= since));
        answerJson(response, 200, { telemetryEvents: chosen.slice(start, start + size), ...next(chosen.length) });
        return;
      }
      const orgUnit = url.searchParams.get('orgUnitPath');
      const since = /^sync:(\d{4}-\d{2}-\d{2})\.\.$/.exec(url.searchParams.get('query') ?? '')?.[1];
      const chosen = state.devices.filter((device) =>
        (orgUnit === null || `${String(device.orgUnitPath)}/`.startsWith(`/${orgUnit}/`))
        && (since === undefined || String(device.lastSync) >= since));
      answerJson(response, 200, {
        kind: 'admin#directory#chromeosdevices', etag: '"page"', chromeosdevices: chosen.slice(start, start + size), ...next(chosen.length),
      });
      return;
    })().catch((error: unknown) => answerJson(response, 500, { error: { code: 500, message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiBase = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(state.serviceAccountFile, JSON.stringify({
    type: 'service_account', project_id: 'north-trust', private_key_id: 'k1',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }), client_email: clientEmail,
    client_id: '100000000000000000001', token_uri: `${apiBase}/token`,
  }), { mode: 0o600 });
  return Object.assign(state, {
    apiBase,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      temp.remove();
    },
  });
};

/** A policies:resolve fixture's answers, held by the server for the org units they name. */
export const heldPoliciesFrom = (fixture: string): HeldChromePolicy[] =>
  (chromeosFixture(fixture).resolvedPolicies as { targetKey: { targetResource: string }; value: { policySchema: string; value: Record<string, unknown> } }[])
    .map(({ targetKey, value }) => ({ targetResource: targetKey.targetResource, policySchema: value.policySchema, value: value.value }));
