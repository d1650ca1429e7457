import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';

/** Our own reading of a command's raw 2xx reply, for what the SDK's deserializer can't do well. */
export interface ReplyReader {
  /** Fields to merge into the SDK's output; undefined leaves the reply to the SDK alone. */
  read(xml: string): object | undefined;
  /** When `read` gave fields, the deserializer is handed this document instead of the body. */
  replaceWith?: string;
}

/**
 * Installs the readers, by command name (`ListObjectsV2Command`...), as two client-level
 * middlewares: inside the deserializer, one reads the raw body of a 2xx reply; outside it, the
 * other merges what was read into the output. The SDK still signs, retries and reads every
 * error reply. Client-level, so they hold with cacheMiddleware (s3-client.ts).
 */
export function addReplyReaders(client: S3Client, readers: Record<string, ReplyReader>): void {
  const read = new WeakMap<object, object>();
  // Low priority in the deserialize step: inside the deserializer, so it sees the raw reply.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const reader = readers[context.commandName ?? ''];
      const response = out.response as { statusCode?: number; body?: unknown };
      const status = response.statusCode ?? 500;
      if (!reader || status < 200 || status >= 300) return out;
      const bytes = await bodyBytes(response.body);
      if (!bytes) return out;
      const fields = reader.read(bytes.toString('utf8'));
      if (fields) read.set(response, fields);
      // The deserializer reads the body again: the stand-in, or the bytes as they came.
      response.body =
        fields && reader.replaceWith ? new TextEncoder().encode(reader.replaceWith) : bytes;
      return out;
    },
    { step: 'deserialize', priority: 'low', name: 'replyReader' },
  );
  // High priority: outside the deserializer, so its output can be filled in.
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const fields = read.get(out.response as object);
      return fields ? { ...out, output: { ...out.output, ...fields } as typeof out.output } : out;
    },
    { step: 'deserialize', priority: 'high', name: 'replyReaderOutput' },
  );
}

async function bodyBytes(body: unknown): Promise<Buffer | undefined> {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.length);
  if (typeof body !== 'object' || body === null || !(Symbol.asyncIterator in body)) return;
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
