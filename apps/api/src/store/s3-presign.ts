import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PresignGetOptions } from './object-store.js';
import type { S3Context } from './s3-context.js';
import { canonicalResource, signatureV2 } from './s3-sigv2.js';

/**
 * A presigned GetObject URL of this connection's keys: whoever holds it fetches the object
 * straight from the store until it expires (a direct share link). SigV4: the SDK's presigner
 * (at most 7 days, S3's limit; the route checks). SigV2: query-string authentication signed
 * here with the signer's own canonical string (`Expires` is an epoch second). The bucket and key
 * pass the same checks as any command (ctx.checkKey; s3-confine.ts for SigV4).
 */
export async function presignGetObject(
  ctx: S3Context,
  bucket: string,
  key: string,
  options: PresignGetOptions,
): Promise<string> {
  ctx.checkKey(key);
  if (ctx.config.signatureVersion === 'v2') return presignV2(ctx, bucket, key, options);
  return ctx.withClient((client) =>
    getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: options.contentDisposition,
        ResponseContentType: options.contentType,
        VersionId: options.versionId,
      }),
      { expiresIn: options.expiresIn, signingDate: options.signingDate },
    ),
  );
}

/** As the SDK encodes a path segment: encodeURIComponent, and !'()* too. */
const encodeSegment = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * SigV2 query-string authentication: `AWSAccessKeyId`, `Expires` and `Signature` over
 * `GET\n\n\n<Expires>\n<resource>`, the resource path-style as sent (SigV2 is path-style only)
 * with the signed `response-content-*` and `versionId` sub-resources, unencoded (s3-sigv2.ts).
 */
function presignV2(
  ctx: S3Context,
  bucket: string,
  key: string,
  options: PresignGetOptions,
): string {
  const { config } = ctx;
  const now = options.signingDate ?? new Date();
  const expires = Math.floor(now.getTime() / 1000) + options.expiresIn;
  const path = `/${bucket}/${key.split('/').map(encodeSegment).join('/')}`;
  const sub: Record<string, string> = {};
  if (options.contentDisposition) sub['response-content-disposition'] = options.contentDisposition;
  if (options.contentType) sub['response-content-type'] = options.contentType;
  if (options.versionId) sub.versionId = options.versionId;
  const toSign = `GET\n\n\n${expires}\n${canonicalResource(path, sub)}`;
  const query = new URLSearchParams({
    AWSAccessKeyId: config.accessKeyId,
    Expires: String(expires),
    Signature: signatureV2(config.secretAccessKey, toSign),
    ...sub,
  });
  const base = (config.endpoint ?? `https://s3.${config.region}.amazonaws.com`).replace(/\/+$/, '');
  return `${base}${path}?${query.toString().replaceAll('+', '%20')}`;
}
