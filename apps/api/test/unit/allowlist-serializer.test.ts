import { describe, expect, it } from 'vitest';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import {
  ApiErrorSchema,
  ListObjectsQuerySchema,
  ListObjectsResponseSchema,
  ObjectDetailsSchema,
} from '@stowage/shared';
import {
  allowlistSerializerCompiler,
  hasAllowlistPick,
} from '../../src/routes/api/allowlist-serializer.js';

type Serializer = (data: unknown) => string;
const compile = (compiler: typeof allowlistSerializerCompiler, schema: unknown): Serializer =>
  compiler({ schema, method: 'GET', url: '/t', httpStatus: '200' }) as Serializer;

/** A copy of `value` with extra fields in every object at every depth (not in any schema). */
function withExtras(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => withExtras(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  // `metadata` is a record: every key in it is content, not an extra field.
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'metadata' ? v : withExtras(v, seed + k.length);
  }
  out[`secret${seed % 7}`] = 'must not leave';
  out.__proto_like = { nested: seed };
  return out;
}

const details = (i: number) => ({
  key: `k/é/${i}.txt`,
  size: i,
  etag: i % 2 ? `"${i}"` : null,
  lastModified: i % 3 ? new Date(i * 1e9).toISOString() : null,
  contentType: 'text/plain',
  cacheControl: i % 2 ? 'no-cache' : null,
  contentDisposition: null,
  contentEncoding: null,
  contentLanguage: i % 5 ? null : 'fr',
  expires: null,
  storageClass: 'STANDARD',
  versionId: i % 4 ? null : `v${i}`,
  metadata: i % 2 ? { owner: 'ana', 'x-y': String(i) } : {},
});

const page = (i: number) => ({
  prefixes: Array.from({ length: i % 4 }, (_, j) => `p${j}/`),
  objects: Array.from({ length: 1 + (i % 9) }, (_, j) => ({
    key: `k/${i}-${j}`,
    size: j,
    lastModified: j % 2 ? null : new Date(j * 1e9).toISOString(),
    etag: `"${j}"`,
    storageClass: j % 3 ? 'STANDARD' : null,
    ...(j % 4 === 0 ? { deleted: true as const, versionId: j % 8 ? null : `v${j}` } : {}),
  })),
  nextCursor: i % 2 ? `k/${i}` : null,
  ...(i % 3 === 0 ? { deletedPrefixes: ['p0/'] } : {}),
});

describe('allowlistSerializerCompiler', () => {
  it('serializes the details and listing answers with the allowlist, not with zod', () => {
    expect(hasAllowlistPick(ObjectDetailsSchema)).toBe(true);
    expect(hasAllowlistPick(ListObjectsResponseSchema)).toBe(true);
  });

  it.each([
    ['object details', ObjectDetailsSchema, details],
    ['a listing page', ListObjectsResponseSchema, page],
  ] as const)(
    'sends exactly what zod would for %s: only the fields the schema names, whatever else the handler returned',
    (_name, schema, make) => {
      const fast = compile(allowlistSerializerCompiler, schema);
      const zod = compile(zodSerializerCompiler as typeof allowlistSerializerCompiler, schema);
      for (let i = 0; i < 200; i++) {
        const data = withExtras(make(i), i);
        const sent = fast(data);
        expect(sent).toBe(zod(data));
        expect(sent).not.toContain('must not leave');
        expect(sent).not.toContain('__proto_like');
        expect(JSON.parse(sent)).toEqual(make(i));
      }
    },
  );

  it('sends only the string values of user metadata', () => {
    const fast = compile(allowlistSerializerCompiler, ObjectDetailsSchema);
    const sent = JSON.parse(fast({ ...details(1), metadata: { a: 'b', n: { deep: 1 } } })) as {
      metadata: unknown;
    };
    expect(sent.metadata).toEqual({ a: 'b' });
  });

  it("keeps zod's encoder for a schema it cannot pick (transforms), so nothing unchecked leaves", () => {
    expect(hasAllowlistPick(ListObjectsQuerySchema)).toBe(false);
    const fast = compile(allowlistSerializerCompiler, ListObjectsQuerySchema);
    expect(() => fast({ prefix: 1 })).toThrow();
  });

  it('still serializes the error answers of these routes', () => {
    const fast = compile(allowlistSerializerCompiler, ApiErrorSchema);
    const body = {
      statusCode: 404,
      error: 'Not Found',
      code: 'NoSuchKey',
      message: 'no such key',
      requestId: 'r1',
    };
    const zod = compile(
      zodSerializerCompiler as typeof allowlistSerializerCompiler,
      ApiErrorSchema,
    );
    expect(fast({ ...body, stack: 'at x' })).toBe(zod({ ...body, stack: 'at x' }));
  });
});
