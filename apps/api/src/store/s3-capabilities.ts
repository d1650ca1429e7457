import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  UploadPartCopyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HttpRequest, parseUrl } from '@smithy/core/transport';
import { SaxesParser } from 'saxes';
import type { BucketCapabilities, Capability, VersioningStatus } from '@stowage/shared';
import { createProbeCache } from './capability-cache.js';
import type { S3Context } from './s3-context.js';
import { HttpError } from '../errors.js';
import type { ReplyReader } from './s3-reply-readers.js';
import { probeSettings } from './s3-settings-probe.js';

/** What a probe request got back: a success, or the store's error name and HTTP status. */
export interface ProbeAnswer {
  ok: boolean;
  /** The S3 error code (`NoSuchKey`, `NotImplemented`...), or a network error's code. */
  name: string;
  status: number | undefined;
}

/** Every probe may also learn that the bucket is not there. */
export const NO_BUCKET = 'no-bucket';
export type ProbeResult<T> = T | typeof NO_BUCKET;

export interface FeatureProbes {
  tagging: Capability;
  abortMultipartUpload: Capability;
  uploadPartCopy: Capability;
  presignedUrls: Capability;
}

const UNSUPPORTED = new Set(['NotImplemented', 'MethodNotAllowed']);
/** A presigned URL the store cannot verify (query-string auth). */
const PRESIGN_REFUSED = new Set(['SignatureDoesNotMatch', 'AuthorizationQueryParametersError']);

/**
 * Reads one probe's answer: `supportedBy` are the error names (or a success) that show the
 * store understood the request; a 501/405 or NotImplemented shows it did not; anything else
 * (403 AccessDenied, a network error, a 500) cannot tell.
 */
export function classify(
  answer: ProbeAnswer,
  supportedBy: readonly string[],
  okMeansSupported = true,
): ProbeResult<Capability> {
  if (answer.name === 'NoSuchBucket') return NO_BUCKET;
  if (answer.ok) return okMeansSupported ? 'supported' : 'unknown';
  if (supportedBy.includes(answer.name)) return 'supported';
  if (UNSUPPORTED.has(answer.name) || answer.status === 501 || answer.status === 405) {
    return 'unsupported';
  }
  return 'unknown';
}

/**
 * A presigned GET of a missing key: 404 (or 200) shows the store verified the URL. A refused
 * signature only means "unsupported" if the same credentials work for signed headers
 * (`credentialsWork`); otherwise the credentials themselves may be wrong.
 */
export function classifyPresign(answer: ProbeAnswer, credentialsWork: boolean) {
  if (PRESIGN_REFUSED.has(answer.name) || (answer.status === 400 && !answer.name)) {
    return credentialsWork ? 'unsupported' : 'unknown';
  }
  return classify({ ...answer, ok: answer.ok || answer.status === 404 }, ['NoSuchKey']);
}

/** The versioning status from GetBucketVersioning's XML root element and Status. */
export function versioningFrom(
  answer: ProbeAnswer,
  root: string,
  status: string | undefined,
): ProbeResult<VersioningStatus> {
  if (!answer.ok) {
    const c = classify(answer, []);
    return c === 'supported' ? 'unknown' : c;
  }
  // s3rver answers ?versioning with a bucket listing (ListBucketResult): no versioning.
  if (root !== 'VersioningConfiguration') return root ? 'unsupported' : 'unknown';
  if (status === 'Enabled' || status === 'Suspended') return status;
  return 'Off';
}

interface SdkErrorLike {
  name?: string;
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: { code?: string };
}

/** What a failed probe request said: the store's answer, kept on the mapped error. */
function answerOf(err: unknown): ProbeAnswer {
  if (err instanceof HttpError && err.store) return { ok: false, ...err.store };
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  return {
    ok: false,
    name: e.Code ?? e.cause?.code ?? e.code ?? e.name ?? '',
    status: e.$metadata?.httpStatusCode,
  };
}

async function ask(send: () => Promise<unknown>): Promise<ProbeAnswer> {
  try {
    await send();
    return { ok: true, name: '', status: 200 };
  } catch (err) {
    return answerOf(err);
  }
}

const randomKey = () => `stowage-capability-probe-${randomBytes(12).toString('hex')}`;
const randomUploadId = () => randomBytes(24).toString('hex');

/**
 * The probes of what a store can do in a bucket. None writes or changes anything: each asks
 * about a random key or upload id that does not exist, and reads what kind of "no" comes back.
 */
export async function probeFeatures(
  ctx: S3Context,
  bucket: string,
): Promise<ProbeResult<FeatureProbes>> {
  const key = randomKey();
  const [tagging, abort, partCopy, presign] = await Promise.all([
    ask(() => ctx.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }))),
    ask(() =>
      ctx.send(
        new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: randomUploadId() }),
      ),
    ),
    // A missing source too: Ceph looks it up first (NoSuchKey), so no byte is ever copied.
    ask(() =>
      ctx.send(
        new UploadPartCopyCommand({
          Bucket: bucket,
          Key: key,
          UploadId: randomUploadId(),
          PartNumber: 1,
          CopySource: `${bucket}/${randomKey()}`,
        }),
      ),
    ),
    ask(() => presignedGet(ctx, bucket, key)),
  ]);
  const results = {
    tagging: classify(tagging, ['NoSuchKey']),
    abortMultipartUpload: classify(abort, ['NoSuchUpload']),
    uploadPartCopy: classify(partCopy, ['NoSuchUpload', 'NoSuchKey'], false),
  };
  const values = Object.values(results);
  if (values.includes(NO_BUCKET)) return NO_BUCKET;
  const credentialsWork = values.some((v) => v === 'supported' || v === 'unsupported');
  const presignedUrls = classifyPresign(presign, credentialsWork);
  if (presignedUrls === NO_BUCKET) return NO_BUCKET;
  return { ...(results as Omit<FeatureProbes, 'presignedUrls'>), presignedUrls };
}

/**
 * GetBucketVersioning replies also carry their XML root element (`XmlRoot`): the SDK reads
 * any document as `{}` (a bucket never versioned answers an empty VersioningConfiguration),
 * and s3rver answers ?versioning with a bucket listing.
 */
export const versioningRootReader: ReplyReader = {
  read: (xml) => ({ XmlRoot: rootElementOf(xml) }),
};

/** Thrown from the parser's handler: the rest of the document is the SDK's to read. */
const ROOT_FOUND = new Error('root element found');

/** The name of a document's root element, read by saxes (a conformant XML parser); '' if none. */
export function rootElementOf(xml: string): string {
  let root = '';
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', ({ name }) => {
    root = name;
    throw ROOT_FOUND;
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err !== ROOT_FOUND) return '';
  }
  return root;
}

/** GetBucketVersioning, with the root element of its reply (see versioningRootReader). */
export async function probeVersioning(
  ctx: S3Context,
  bucket: string,
): Promise<ProbeResult<VersioningStatus>> {
  let out: { Status?: string; XmlRoot?: string } = {};
  const answer = await ask(async () => {
    out = await ctx.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  });
  return versioningFrom(answer, out.XmlRoot ?? '', out.Status);
}

/**
 * A presigned GET of a missing key, fetched as a browser would: no signing middleware, just the
 * URL, sent by the client's own request handler (its TLS trust and timeouts). A refusal is
 * thrown like any store answer (`ask` reads it); a 2xx or 404 comes back as is.
 */
async function presignedGet(ctx: S3Context, bucket: string, key: string): Promise<void> {
  await ctx.withClient(async (client: S3Client) => {
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: 60,
    });
    const { response } = await client.config.requestHandler.handle(
      new HttpRequest({ ...parseUrl(url), method: 'GET' }),
    );
    const body = await readSmall(response.body as Readable | undefined);
    const status = response.statusCode;
    if (status >= 200 && status < 300) return;
    throw Object.assign(new Error('presigned GET refused'), {
      Code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? '',
      $metadata: { httpStatusCode: status },
    });
  });
}

/** An error document is small: at most 64 KiB of it is read. */
async function readSmall(body: Readable | undefined): Promise<string> {
  if (!body) return '';
  let text = '';
  for await (const chunk of body) {
    text += Buffer.from(chunk as Uint8Array).toString('utf8');
    if (text.length > 64 * 1024) {
      body.destroy();
      break;
    }
  }
  return text;
}

/** Versioning can be switched at any time, and an undecided answer is worth asking again. */
const RECHECK_MS = 60_000;

const found = <T>(result: ProbeResult<T>): T => {
  if (result === NO_BUCKET) throw new HttpError('NoSuchBucket', 'The bucket does not exist');
  return result;
};

/**
 * What a store can do in a bucket, from harmless probes that change nothing (s3-capabilities.ts),
 * cached per bucket: features for the process (a minute when some answer was undecided),
 * versioning for a minute.
 */
export function createCapabilityProbe(ctx: S3Context) {
  const features = createProbeCache(
    async (bucket) => {
      const [f, s] = await Promise.all([probeFeatures(ctx, bucket), probeSettings(ctx, bucket)]);
      return { ...found(f), ...found(s) };
    },
    (f) => (Object.values(f).includes('unknown') ? RECHECK_MS : Infinity),
  );
  const versioning = createProbeCache(
    async (bucket) => found(await probeVersioning(ctx, bucket)),
    () => RECHECK_MS,
  );
  const probe = async (bucket: string): Promise<BucketCapabilities> => {
    // Both settle before answering, so no probe outlives the request that started it.
    const [f, v] = await Promise.allSettled([features(bucket), versioning(bucket)]);
    if (f.status === 'rejected') throw f.reason;
    if (v.status === 'rejected') throw v.reason;
    return { ...f.value, versioning: v.value };
  };
  /**
   * `forget(bucket)`: the bucket was created or deleted, so its answers no longer hold;
   * `versioning(bucket)`: the versioning answer alone (cached as above), for the listing.
   */
  return Object.assign(probe, {
    versioning: (bucket: string) => versioning(bucket),
    forget(bucket: string) {
      features.forget(bucket);
      versioning.forget(bucket);
    },
  });
}
