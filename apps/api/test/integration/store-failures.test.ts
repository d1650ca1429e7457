import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, testStoreConfig } from '../helper.js';

describe('a store that fails', () => {
  it('unreachable: 502 naming the endpoint', async () => {
    // Port 9 (discard) has no listener here: the connection is refused.
    const app = await build({ endpoint: 'http://127.0.0.1:9' });
    const res = await app.inject('/api/buckets');
    await app.close();
    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual({
      statusCode: 502,
      code: 'StoreUnavailable',
      error: 'Bad Gateway',
      message: 'The store at http://127.0.0.1:9 is unreachable (ECONNREFUSED)',
      requestId: expect.any(String),
    });
  });

  describe('hung (accepts, never answers)', () => {
    let server: net.Server;
    let port = 0;
    let connections = 0;
    const sockets = new Set<net.Socket>();
    beforeAll(async () => {
      server = net.createServer((s) => {
        connections += 1;
        sockets.add(s);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as net.AddressInfo).port;
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    });

    it('answers 504 within one request timeout, not retried', async () => {
      const app = await build({
        endpoint: `http://127.0.0.1:${port}`,
        requestTimeoutMs: 300,
        maxAttempts: 3,
      });
      const before = connections;
      const started = Date.now();
      const res = await app.inject('/api/buckets');
      const took = Date.now() - started;
      await app.close();
      expect(res.statusCode).toBe(504);
      expect(res.json()).toEqual({
        statusCode: 504,
        code: 'StoreTimeout',
        error: 'Gateway Timeout',
        message: `The store at http://127.0.0.1:${port} did not answer within 0.3 s`,
        requestId: expect.any(String),
      });
      // A timeout is not retried (s3-retry.ts): one try, one connection, one timeout.
      expect(connections - before).toBe(1);
      expect(took).toBeGreaterThanOrEqual(290);
      expect(took).toBeLessThan(1500);
    });
  });

  it('wrong secret: 403 saying the credentials were refused, without the secret', async () => {
    const secret = 'wrong-secret-marker-7f3a';
    const app = await build({ secretAccessKey: secret });
    const res = await app.inject('/api/buckets');
    await app.close();
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe(
      `The store at ${testStoreConfig().endpoint} refused the credentials (SignatureDoesNotMatch)`,
    );
    expect(res.payload).not.toContain(secret);
  });

  it('unknown access key: 403 saying the credentials were refused', async () => {
    const app = await build({ accessKeyId: 'NOSUCHKEY123' });
    const res = await app.inject('/api/buckets');
    await app.close();
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe(
      `The store at ${testStoreConfig().endpoint} refused the credentials (InvalidAccessKeyId)`,
    );
  });
});
