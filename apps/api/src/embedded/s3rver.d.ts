// s3rver 3.7.1 ships no types; this is the part of its API that embedded-main.ts uses.
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface S3rverOptions {
    directory?: string;
    silent?: boolean;
    vhostBuckets?: boolean;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Creates the buckets of the `configureBuckets` option (run() does it before listening). */
    configureBuckets(): Promise<unknown>;
    /** Koa's request handler: s3rver's whole S3 API. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    /** Its winston logger; run()'s server closes it on 'close'. */
    logger: { close(): void; exceptions: { unhandle(): void } };
  }
}

// The account registry s3rver's own authentication looks access key ids up in.
declare module 's3rver/lib/models/account.js' {
  interface AWSAccount {
    accessKeys: Map<string, string>;
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
    revokeAccessKey(accessKeyId: string): void;
  }
  const account: {
    registry: Map<string, AWSAccount>;
    DUMMY_ACCOUNT: AWSAccount;
  };
  export default account;
}
