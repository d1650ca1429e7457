/**
 * The little of `oidc-provider` (v8, a test-only dependency that ships no types) the test
 * provider uses: test/oidc-test-provider.ts.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Account {
    accountId: string;
    claims: () => Record<string, unknown>;
  }
  interface Client {
    clientId: string;
  }
  interface IdToken {
    scope: string;
    issue(options: { use: 'idtoken' }): Promise<string>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: 'server_error', listener: (ctx: unknown, err: Error) => void): this;
    Client: { find(id: string): Promise<Client | undefined> };
    IdToken: new (claims: Record<string, unknown>, options: { client: Client }) => IdToken;
  }
  export type { Account };
}
