import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../helper.js';

let app: TestApp;
beforeAll(async () => {
  app = await build();
});
afterAll(() => app.close());

describe('meta routes', () => {
  it('GET /api/health answers ok', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document listing every API route', async () => {
    const res = await app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/buckets',
        '/api/buckets/{bucket}/objects',
        '/api/buckets/{bucket}/object',
        '/api/buckets/{bucket}/object/content',
        '/api/buckets/{bucket}/upload',
        '/api/buckets/{bucket}/object/metadata',
        '/api/buckets/{bucket}/object/tags',
        '/api/buckets/{bucket}/delete',
        '/api/buckets/{bucket}/prefix-summary',
        '/api/buckets/{bucket}/existing-keys',
      ]),
    );
    const doc = res.json();
    expect(Object.keys(doc.paths['/api/buckets/{bucket}/object']).sort()).toEqual([
      'delete',
      'get',
    ]);
    // The streamed upload form is documented, file last.
    const form =
      doc.paths['/api/buckets/{bucket}/upload'].post.requestBody.content['multipart/form-data']
        .schema;
    expect(Object.keys(form.properties)).toEqual(['contentType', 'metadata', 'size', 'file']);
    expect(form.properties.file).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('answers an unknown API route with the JSON error shape', async () => {
    const res = await app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'NotFound',
      error: 'Not Found',
      message: 'No route GET /api/nope',
      requestId: expect.any(String),
    });
  });
});
