import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { generate } from 'selfsigned';

/**
 * A real OpenID provider (`oidc-provider`) on a local port, for the identity passthrough (STS)
 * tests. Its signing key is RSA with an `x5c` certificate in the JWKS: Ceph RGW 16 verifies an
 * ID token only with a key's `x5c` (README "Identity passthrough (STS)"). ID tokens are issued
 * by the provider's own IdToken model, signed with that key (the sign-in flow itself is the
 * OIDC sign-in tests' part).
 */
export interface StsTestProvider {
  issuer: string;
  /** The issuer without its scheme: RGW's provider id and the prefix of its condition keys. */
  host: string;
  clientId: string;
  /** SHA-1 of the signing certificate (hex): CreateOpenIDConnectProvider's thumbprint. */
  thumbprint: string;
  idToken(sub: string, options?: { clientId?: string }): Promise<string>;
  close(): Promise<void>;
}

/** The little of oidc-provider's API used here (the package ships no types). */
interface OidcClient {
  clientId: string;
}
interface OidcIdToken {
  scope: string;
  issue(options: { use: 'idtoken' }): Promise<string>;
}
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  Client: { find(id: string): Promise<OidcClient | undefined> };
  IdToken: new (claims: { sub: string }, options: { client: OidcClient }) => OidcIdToken;
}
type OidcProviderClass = new (issuer: string, config: Record<string, unknown>) => OidcProvider;

// A non-literal specifier: no declaration file is looked for (another branch may add one).
const OIDC_PROVIDER = 'oidc-provider';

export async function startStsTestProvider(
  options: { clientId?: string; x5c?: boolean } = {},
): Promise<StsTestProvider> {
  const clientId = options.clientId ?? 'stowage';
  const pems = await generate([{ name: 'commonName', value: 'stowage-test-op' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const jwk = createPrivateKey(pems.private).export({ format: 'jwk' });
  const der = new X509Certificate(pems.cert).raw;
  const key = {
    ...jwk,
    kid: 'sts-test',
    alg: 'RS256',
    use: 'sig',
    // `x5c: false`: a JWKS with only n/e, as most providers publish (RGW 16 cannot use it).
    ...(options.x5c !== false && { x5c: [der.toString('base64')] }),
  };
  const clients = [clientId, 'another-app'].map((id) => ({
    client_id: id,
    client_secret: `${id}-secret`,
    redirect_uris: ['http://127.0.0.1/callback'],
  }));
  // The issuer needs the port, known only once listening: listen on a bare server first.
  const route: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => route.handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const Provider = ((await import(OIDC_PROVIDER)) as { default: OidcProviderClass }).default;
  const provider = new Provider(issuer, {
    jwks: { keys: [key] },
    clients,
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
  });
  route.handler = provider.callback();
  return {
    issuer,
    host: `127.0.0.1:${port}`,
    clientId,
    thumbprint: createHash('sha1').update(der).digest('hex'),
    async idToken(sub, which = {}) {
      const client = await provider.Client.find(which.clientId ?? clientId);
      if (!client) throw new Error('unknown test client');
      const token = new provider.IdToken({ sub }, { client });
      token.scope = 'openid';
      return token.issue({ use: 'idtoken' });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
