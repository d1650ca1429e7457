import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider for the tests (issue 21): `oidc-provider` (the OpenID Certified Node
 * implementation, v8 for Node 20) on a local port, with its development login and consent
 * pages, PKCE required, RP-initiated logout on. The users and their groups:
 */
export const TEST_USERS: Record<string, { name: string; email: string; groups: string[] }> = {
  alice: { name: 'Alice Admin', email: 'alice@example.test', groups: ['storage-admins'] },
  bob: { name: 'Bob Builder', email: 'bob@example.test', groups: ['team-a'] },
  carol: { name: 'Carol Auditor', email: 'carol@example.test', groups: ['auditors'] },
  dave: { name: 'Dave Both', email: 'dave@example.test', groups: ['team-a', 'storage-admins'] },
  erin: { name: 'Erin Elsewhere', email: 'erin@example.test', groups: ['marketing'] },
};
export const TEST_CLIENT_ID = 'stowage';
export const TEST_CLIENT_SECRET = 'a test client secret';

export interface TestProvider {
  issuer: string;
  /** Seconds an ID token lives (the next ones issued); default one hour. */
  idTokenTtl: number;
  close(): Promise<void>;
}

/** `origins`: where Stowage runs (its callback and post-logout URLs are registered). */
export async function startTestProvider(origins: string[], port = 0): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: TestProvider = {
    issuer,
    idTokenTtl: 3600,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: origins.map((o) => `${o}/api/auth/sso/callback`),
        post_logout_redirect_uris: origins.map((o) => `${o}/`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true, methods: ['S256'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
    findAccount: (_ctx: unknown, id: string) => {
      const user = TEST_USERS[id];
      if (!user) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...user }) };
    },
    ttl: { IdToken: () => state.idTokenTtl },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['a test cookie key for the provider'] },
  });
  // Quiet: its development-keys warning is expected here.
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider:', err));
  server.on('request', provider.callback());
  return state;
}
