import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { addReplyReaders, type ReplyReader } from '../../src/store/s3-reply-readers.js';

/**
 * An S3Client whose transport hands the SDK these exact bytes for every command, with our
 * reply readers installed if any are given: what the SDK and the readers make of one reply.
 */
export function clientAnswering(
  status: number,
  body: string,
  readers?: Record<string, ReplyReader>,
): S3Client {
  const client = new S3Client({
    endpoint: 'http://127.0.0.1:1',
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
    cacheMiddleware: true,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: status,
          headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'req-1' },
          body: Readable.from([Buffer.from(body)]),
        },
      }),
    },
  });
  if (readers) addReplyReaders(client, readers);
  return client;
}
