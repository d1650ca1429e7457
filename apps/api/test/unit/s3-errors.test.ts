import { describe, expect, it } from 'vitest';
import { mapS3Error, versionError } from '../../src/store/s3-errors.js';
import { HttpError } from '../../src/errors.js';

const ep = 'http://store:9000';
const sdk = (name: string, status?: number, extra: object = {}) =>
  Object.assign(new Error('internal detail'), {
    name,
    $metadata: { httpStatusCode: status },
    ...extra,
  });

describe('mapS3Error', () => {
  it.each([
    [sdk('NoSuchBucket', 404), 404, 'The bucket does not exist'],
    [sdk('NoSuchKey', 404), 404, 'The object does not exist'],
    [sdk('NotFound', 404), 404, 'The object does not exist'],
    [sdk('AccessDenied', 403), 403, `The store at ${ep} refused the credentials (AccessDenied)`],
    [
      sdk('InvalidAccessKeyId', 403),
      403,
      `The store at ${ep} refused the credentials (InvalidAccessKeyId)`,
    ],
    [
      sdk('SignatureDoesNotMatch', 403),
      403,
      `The store at ${ep} refused the credentials (SignatureDoesNotMatch)`,
    ],
    [sdk('403', 403), 403, `The store at ${ep} refused the credentials (403)`],
    [sdk('InvalidRange', 416), 416, 'The requested range is outside the object'],
    [
      sdk('Error', undefined, { code: 'ECONNREFUSED' }),
      502,
      `The store at ${ep} is unreachable (ECONNREFUSED)`,
    ],
    [sdk('TimeoutError'), 504, `The store at ${ep} did not answer in time`],
    // The SDK's handler renames connection resets "TimeoutError" too: still unreachable.
    [
      sdk('TimeoutError', undefined, { code: 'ECONNRESET' }),
      502,
      `The store at ${ep} is unreachable (ECONNRESET)`,
    ],
    [
      sdk('Error', undefined, { code: 'ETIMEDOUT' }),
      502,
      `The store at ${ep} is unreachable (ETIMEDOUT)`,
    ],
    [
      sdk('SlowDown', 503),
      503,
      `The store at ${ep} is busy and asks to slow down (SlowDown). Try again in a moment.`,
    ],
    [
      sdk('SlowDown', 503, { $metadata: { httpStatusCode: 503, attempts: 3 } }),
      503,
      `The store at ${ep} is busy and asks to slow down (SlowDown); it still refused after 3 attempts. Try again in a moment.`,
    ],
    // A HEAD's 503 has no body to name it.
    [
      sdk('Unknown', 503),
      503,
      `The store at ${ep} is busy and asks to slow down (Unknown). Try again in a moment.`,
    ],
    [
      sdk('TooManyRequests', 429),
      503,
      `The store at ${ep} is busy and asks to slow down (TooManyRequests). Try again in a moment.`,
    ],
    [sdk('InternalError', 500), 502, `The store at ${ep} failed (InternalError)`],
    [sdk('OperationAborted', 409), 409, `The store at ${ep} answered OperationAborted`],
    [sdk('BucketNotEmpty', 409), 409, 'The store says the bucket is not empty: empty it first'],
    [
      sdk('InvalidBucketName', 400, { message: 'InvalidBucketName' }),
      400,
      `The store at ${ep} refused the bucket name (InvalidBucketName)`,
    ],
    [
      sdk('PreconditionFailed', 412),
      409,
      'The object changed since you opened it; reload and try again',
    ],
    // A HEAD's 412 has no body to name it.
    [sdk('Unknown', 412), 409, 'The object changed since you opened it; reload and try again'],
    [
      sdk('NotImplemented', 501),
      502,
      `The store at ${ep} does not implement this request (NotImplemented)`,
    ],
    [
      sdk('MethodNotAllowed', 405),
      502,
      `The store at ${ep} does not implement this request (MethodNotAllowed)`,
    ],
    [
      sdk('EntityTooLarge', 400),
      413,
      `The store at ${ep} refused the object as too large (EntityTooLarge)`,
    ],
    [
      sdk('InvalidTag', 400, { message: 'InvalidTag' }),
      400,
      `The store at ${ep} refused the tags (InvalidTag)`,
    ],
    [
      sdk('MetadataTooLarge', 400, { message: 'MetadataTooLarge' }),
      400,
      `The store at ${ep} refused the metadata (MetadataTooLarge)`,
    ],
    [
      sdk('KeyTooLongError', 400, { message: 'KeyTooLongError' }),
      400,
      `The store at ${ep} refused the key (KeyTooLongError)`,
    ],
    [
      sdk('MalformedPolicy', 400, { message: 'Policy has invalid action' }),
      400,
      `The store at ${ep} refused the policy (MalformedPolicy: Policy has invalid action)`,
    ],
    [
      sdk('InvalidArgument', 400, { message: '' }),
      400,
      `The store at ${ep} refused an argument (InvalidArgument)`,
    ],
    [sdk('NoSuchLifecycleConfiguration', 404), 404, 'The bucket has no lifecycle configuration'],
    [sdk('NoSuchCORSConfiguration', 404), 404, 'The bucket has no CORS configuration'],
    [sdk('NoSuchBucketPolicy', 404), 404, 'The bucket has no policy'],
    [
      sdk('ServerSideEncryptionConfigurationNotFoundError', 404),
      404,
      'The bucket has no default encryption',
    ],
    [
      sdk('ObjectLockConfigurationNotFoundError', 404),
      404,
      'The bucket has no object lock configuration',
    ],
    // Another 400: passed on with the store's own words, which say what it refused.
    [
      sdk('InvalidRequest', 400, { message: 'can not have more than one wildcard' }),
      400,
      `The store at ${ep} answered InvalidRequest: can not have more than one wildcard`,
    ],
    [new Error('boom'), 502, `The store at ${ep} could not be used (Error)`],
  ])('%#: maps to %i with a clear message', (err, status, message) => {
    const mapped = mapS3Error(err, ep);
    expect(mapped.statusCode).toBe(status);
    expect(mapped.message).toBe(message);
    expect(mapped.message).not.toContain('internal detail');
  });

  const fix =
    "Set AWS_CA_BUNDLE to a PEM file holding the store's CA certificate, or, as a last " +
    'resort, STOWAGE_S3_TLS_VERIFY=false.';
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'it is self-signed'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'it is issued by a CA that is not trusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its issuer is not a trusted CA'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'its issuer is not a trusted CA'],
    ['CERT_HAS_EXPIRED', 'it has expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'it does not name this host'],
  ])('TLS %s: 502 saying the certificate is not trusted, why, and what to set', (code, why) => {
    const mapped = mapS3Error(sdk('Error', undefined, { code }), ep);
    expect(mapped.statusCode).toBe(502);
    expect(mapped.message).toBe(
      `The TLS certificate of the store at ${ep} is not trusted: ${why} (${code}). ${fix}`,
    );
  });

  it('names the timeout that ran out', () => {
    const timeouts = { connectTimeoutMs: 5000, requestTimeoutMs: 30000 };
    const request = sdk('TimeoutError', undefined, { code: 'ETIMEDOUT' });
    expect(mapS3Error(request, ep, timeouts)).toMatchObject({
      statusCode: 504,
      message: `The store at ${ep} did not answer within 30 s`,
    });
    expect(mapS3Error(sdk('TimeoutError'), ep, timeouts)).toMatchObject({
      statusCode: 504,
      message: `The store at ${ep} did not answer in time (no connection within 5 s, or no data for 30 s)`,
    });
  });

  it('passes our own HttpErrors through', () => {
    const e = new HttpError('BadRequest', 'bad');
    expect(mapS3Error(e, ep)).toBe(e);
  });

  it('sees a network failure hidden in the cause', () => {
    const err = Object.assign(new Error('fetch failed'), { cause: { code: 'EHOSTUNREACH' } });
    expect(mapS3Error(err, ep).statusCode).toBe(502);
  });
});

describe('the code of each mapped error (what the web app branches on)', () => {
  it.each([
    [sdk('NoSuchKey', 404), 'NoSuchKey', 404],
    [sdk('NotFound', 404), 'NoSuchKey', 404],
    [sdk('NoSuchBucket', 404), 'NoSuchBucket', 404],
    [sdk('AccessDenied', 403), 'StoreRefused', 403],
    [sdk('InvalidRange', 416), 'RangeNotSatisfiable', 416],
    [sdk('PreconditionFailed', 412), 'ObjectChanged', 409],
    [sdk('NotImplemented', 501), 'NotSupported', 502],
    [sdk('EntityTooLarge', 400), 'PayloadTooLarge', 413],
    [sdk('InvalidTag', 400), 'StoreRejectedInput', 400],
    [sdk('MalformedPolicy', 400), 'StoreRejectedInput', 400],
    [sdk('NoSuchTagSet', 404), 'NotConfigured', 404],
    [sdk('NoSuchBucketPolicy', 404), 'NotConfigured', 404],
    [sdk('SlowDown', 503), 'StoreBusy', 503],
    [sdk('TimeoutError'), 'StoreTimeout', 504],
    [sdk('InternalError', 500), 'StoreUnavailable', 502],
    [Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), 'StoreUnavailable', 502],
    [sdk('BucketNotEmpty', 409), 'BucketNotEmpty', 409],
    [sdk('BucketAlreadyExists', 409), 'BucketExists', 409],
    [sdk('BucketAlreadyOwnedByYou', 409), 'BucketExists', 409],
    [sdk('NoSuchUpload', 404), 'NoSuchUpload', 404],
    [sdk('InvalidLocationConstraint', 400), 'StoreRejectedInput', 400],
    // Another 4xx of the store keeps its status.
    [sdk('OperationAborted', 409), 'StoreRejected', 409],
    [sdk('MissingContentLength', 411), 'StoreRejected', 411],
  ])('%#: %s', (err, code, status) => {
    const mapped = mapS3Error(err, ep);
    expect(mapped.code).toBe(code);
    expect(mapped.statusCode).toBe(status);
  });
});

describe('versionError: what a store says of a version it does not have, said of the version', () => {
  const mapped = (err: unknown) => versionError(mapS3Error(err, ep), 'v/1?') as HttpError;
  it.each([
    // Ceph RGW: an unknown id, or a delete marker's, is NoSuchKey.
    [sdk('NoSuchKey', 404), 'NoSuchVersion', 404],
    // AWS: NoSuchVersion, or InvalidArgument for an id it cannot read.
    [sdk('NoSuchVersion', 404), 'NoSuchVersion', 404],
    [sdk('InvalidArgument', 400), 'NoSuchVersion', 404],
    // AWS: a GET or HEAD of a delete marker (a HEAD's 405 has no body to name it).
    [sdk('MethodNotAllowed', 405), 'BadRequest', 400],
    [sdk('Unknown', 405), 'BadRequest', 400],
    // Everything else passes as mapped.
    [sdk('NoSuchBucket', 404), 'NoSuchBucket', 404],
    [sdk('InternalError', 500), 'StoreUnavailable', 502],
    [sdk('AccessDenied', 403), 'StoreRefused', 403],
  ])('%#: %s', (err, code, status) => {
    const e = mapped(err);
    expect(e.code).toBe(code);
    expect(e.statusCode).toBe(status);
    if (code === 'NoSuchVersion') expect(e.message).toContain('"v/1?"');
    if (code === 'BadRequest') expect(e.message).toMatch(/is a delete marker/);
  });
});
