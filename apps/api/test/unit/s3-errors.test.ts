import { describe, expect, it } from 'vitest';
import { isUnsupportedError, mapS3Error } from '../../src/store/s3-errors.js';
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
    [sdk('TimeoutError'), 502, `The store at ${ep} is unreachable (TimeoutError)`],
    [sdk('InternalError', 500), 502, `The store at ${ep} failed (InternalError)`],
    [sdk('BucketNotEmpty', 409), 409, `The store at ${ep} answered BucketNotEmpty`],
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
    [sdk('InvalidTag', 400), 400, `The store at ${ep} refused the tags (InvalidTag)`],
    [
      sdk('MetadataTooLarge', 400),
      400,
      `The store at ${ep} refused the metadata (MetadataTooLarge)`,
    ],
    [sdk('KeyTooLongError', 400), 400, `The store at ${ep} refused the key (KeyTooLongError)`],
    [new Error('boom'), 502, `The store at ${ep} could not be used (Error)`],
  ])('%#: maps to %i with a clear message', (err, status, message) => {
    const mapped = mapS3Error(err, ep);
    expect(mapped.statusCode).toBe(status);
    expect(mapped.message).toBe(message);
    expect(mapped.message).not.toContain('internal detail');
  });

  it('passes our own HttpErrors through', () => {
    const e = new HttpError(400, 'bad');
    expect(mapS3Error(e, ep)).toBe(e);
  });

  it('sees a network failure hidden in the cause', () => {
    const err = Object.assign(new Error('fetch failed'), { cause: { code: 'EHOSTUNREACH' } });
    expect(mapS3Error(err, ep).statusCode).toBe(502);
  });
});

describe('isUnsupportedError', () => {
  it.each([
    [sdk('NotImplemented', 501), true],
    [sdk('MethodNotAllowed', 405), true],
    [sdk('Unknown', 501), true],
    [sdk('NoSuchKey', 404), false],
    [sdk('AccessDenied', 403), false],
    [new Error('boom'), false],
    [null, false],
  ])('%#: %s', (err, expected) => {
    expect(isUnsupportedError(err)).toBe(expected);
  });
});
