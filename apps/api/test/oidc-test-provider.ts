import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { generate } from 'selfsigned';

/**
 * A real OpenID provider for the tests (issue 21): `oidc-provider` (the OpenID Certified Node
 * implementation, v8 for Node 20) on a local port, with its development login and consent
 * pages, PKCE required, RP-initiated logout on. Its signing key is RSA with an `x5c` certificate
 * in the JWKS (`selfsigned`): Ceph RGW 16 verifies an ID token only with a key's `x5c` (README
 * "Identity passthrough (STS)"); `{ x5c: false }` publishes only n/e, as most providers do.
 * `idToken(sub)` issues an ID token directly (the STS tests; sign-in tests use the real flow).
 * The users and their groups:
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
/** A second registered client: its tokens carry another `aud` (an STS trust policy refuses them). */
export const OTHER_CLIENT_ID = 'another-app';

export interface TestProvider {
  issuer: string;
  /** The issuer without its scheme: RGW's provider id and the prefix of its condition keys. */
  host: string;
  clientId: string;
  /** SHA-1 of the signing certificate (hex): CreateOpenIDConnectProvider's thumbprint. */
  thumbprint: string;
  /** An ID token for `sub`, signed with the provider's key, for this client (or another). */
  idToken(sub: string, options?: { clientId?: string }): Promise<string>;
  /** Seconds an ID token lives (the next ones issued); default one hour. */
  idTokenTtl: number;
  close(): Promise<void>;
}

/** An RSA signing key (a JWK) with its self-signed certificate in `x5c`, and its SHA-1. */
async function signingKey(x5c: boolean) {
  const pems = await generate([{ name: 'commonName', value: 'stowage-test-op' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const jwk = createPrivateKey(pems.private).export({ format: 'jwk' });
  const der = new X509Certificate(pems.cert).raw;
  const key = {
    ...jwk,
    kid: 'stowage-test',
    alg: 'RS256',
    use: 'sig',
    ...(x5c && { x5c: [der.toString('base64')] }),
  };
  return { key, thumbprint: createHash('sha1').update(der).digest('hex') };
}

/**
 * `origins`: where Stowage runs (its callback and post-logout URLs are registered).
 * `x5c: false`: the JWKS key without its certificate (RGW 16 cannot verify such tokens).
 */
export async function startTestProvider(
  origins: string[],
  port = 0,
  options: { x5c?: boolean } = {},
): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `http://${host}`;
  const { key, thumbprint } = await signingKey(options.x5c !== false);
  const state: TestProvider = {
    issuer,
    host,
    clientId: TEST_CLIENT_ID,
    thumbprint,
    idToken: () => Promise.reject(new Error('the provider is not started yet')),
    idTokenTtl: 3600,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const client = (id: string, secret: string) => ({
    client_id: id,
    client_secret: secret,
    redirect_uris: origins.map((o) => `${o}/api/auth/sso/callback`),
    post_logout_redirect_uris: origins.map((o) => `${o}/`),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  });
  const provider = new Provider(issuer, {
    jwks: { keys: [key] },
    clients: [
      client(TEST_CLIENT_ID, TEST_CLIENT_SECRET),
      client(OTHER_CLIENT_ID, `${OTHER_CLIENT_ID} secret`),
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
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider:', err));
  server.on('request', provider.callback());
  state.idToken = async (sub, which = {}) => {
    const found = await provider.Client.find(which.clientId ?? TEST_CLIENT_ID);
    if (!found) throw new Error('unknown test client');
    const token = new provider.IdToken({ sub }, { client: found });
    token.scope = 'openid';
    return token.issue({ use: 'idtoken' });
  };
  return state;
}
