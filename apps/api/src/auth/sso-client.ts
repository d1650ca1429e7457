import * as oidc from 'openid-client';
import type { SsoConfig } from '../config/sso.js';
import { isLoopbackHost } from '../config/access.js';

/**
 * The OpenID Connect relying party (issue 21), with `openid-client` (v6, OpenID Certified; on
 * Node 20 through WebCrypto): discovery, the authorization URL with PKCE S256, state and nonce,
 * the code exchange and the ID token's validation (signature, issuer, audience, expiry, nonce),
 * and RP-initiated logout. No token is handled by hand here.
 */
export class SsoClient {
  private config: Promise<oidc.Configuration> | undefined;

  constructor(readonly sso: SsoConfig) {}

  /** The provider's metadata, fetched once; a failed discovery is tried again next time. */
  configuration(): Promise<oidc.Configuration> {
    this.config ??= this.discover().catch((err: unknown) => {
      this.config = undefined;
      throw err;
    });
    return this.config;
  }

  private discover() {
    const issuer = new URL(this.sso.issuer);
    // config/sso.ts allows http:// only for a provider on this machine.
    const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
    return oidc.discovery(
      issuer,
      this.sso.clientId,
      this.sso.clientSecret,
      this.sso.clientSecret === undefined ? oidc.None() : undefined,
      {
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        timeout: 10,
      },
    );
  }

  /** Where the browser goes to sign in, and what the callback must check. */
  async start(redirectUri: string): Promise<{ url: string; flow: SsoFlow }> {
    const config = await this.configuration();
    const verifier = oidc.randomPKCECodeVerifier();
    const flow: SsoFlow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier,
      redirectUri,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.sso.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  /**
   * The callback: code → tokens, the ID token validated by the library; the claims are the ID
   * token's, completed from userinfo when the groups claim (or name and e-mail) is not in it.
   */
  async finish(callbackUrl: URL, flow: SsoFlow): Promise<SsoSignIn> {
    const config = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idClaims };
    const missing =
      claimAt(claims, this.sso.claim) === undefined || (!claims.name && !claims.email);
    if (missing && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
      if (claimAt(claims, this.sso.claim) === undefined) {
        claims[this.sso.claim] = claimAt(info as Record<string, unknown>, this.sso.claim);
      }
    }
    return {
      subject: idClaims.sub,
      name: typeof claims.name === 'string' ? claims.name : undefined,
      email: typeof claims.email === 'string' ? claims.email : undefined,
      values: claimValues(claimAt(claims, this.sso.claim)),
      expiresAt: idClaims.exp * 1000,
      idToken: tokens.id_token,
    };
  }

  /** The provider's end-session URL (RP-initiated logout), if it has one. */
  async endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string) {
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    const params: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri };
    if (idToken) params.id_token_hint = idToken;
    else params.client_id = this.sso.clientId;
    return oidc.buildEndSessionUrl(config, params).href;
  }
}

/** What the short-lived flow cookie keeps between start and callback (sso-flow-cookie.ts). */
export interface SsoFlow {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
}

export interface SsoSignIn {
  subject: string;
  name: string | undefined;
  email: string | undefined;
  /** The groups or roles claim's values. */
  values: string[];
  /** Epoch ms: the ID token's `exp`, which bounds the session. */
  expiresAt: number;
  idToken: string | undefined;
}

/** A claim by name, or by a dotted path into nested claims (Keycloak's `realm_access.roles`). */
export function claimAt(claims: Record<string, unknown>, claim: string): unknown {
  if (claim in claims) return claims[claim];
  let at: unknown = claims;
  for (const part of claim.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** An array of strings, or one string (space-separated values, as some providers send). */
export function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

export const SsoErrors = {
  AuthorizationResponseError: oidc.AuthorizationResponseError,
  ResponseBodyError: oidc.ResponseBodyError,
  ClientError: oidc.ClientError,
};
