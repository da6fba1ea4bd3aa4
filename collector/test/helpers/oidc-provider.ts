// A real OpenID Connect provider (oidc-provider) on a random loopback port, standing in for Google
// Workspace or Microsoft Entra ID: its login form signs in any account the test lists, with the email
// claims the test chooses, inside the ID token as those providers do.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount { email: string; email_verified?: boolean; xms_edov?: boolean; name?: string }

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the collector's redirect URI (known once the collector listens) and starts answering. */
  register(redirectUri: string): void;
  stop(): Promise<void>;
}

export const startTestProvider = async (accounts: Record<string, TestAccount>): Promise<TestProvider> => {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'invigilator-test';
  const clientSecret = 'test-client-secret-7d1f0c2b9a';
  return {
    issuer, clientId, clientSecret,
    register(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [{
          client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri],
          grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
        }],
        // Google and Entra put the email claims in the ID token itself.
        conformIdTokenClaims: false,
        claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
        findAccount: (_ctx, id) => {
          const account = accounts[id];
          return account && { accountId: id, claims: () => ({ sub: id, ...account }) };
        },
        features: { devInteractions: { enabled: true } },
        pkce: { required: () => true },
        cookies: { keys: ['test-provider-cookie-key'] },
      });
      handler = provider.callback();
    },
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
};
