import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  endpoint: string;
  /** `METHOD /path?query` of every request that went through, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** What the proxy answers itself instead of the store (a fault a real store may have). */
export interface StoreAnswer {
  status: number;
  body: string;
}

/**
 * A tiny HTTP proxy in front of the store that records every request it forwards, untouched
 * (the Host header too, so SigV4 signatures stay valid), or answers it itself when `answer`
 * says so. Listens on an ephemeral port.
 */
export async function startRecordingProxy(
  target: string,
  options: { answer?: (request: string) => StoreAnswer | undefined } = {},
): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const request = `${req.method} ${req.url}`;
    requests.push(request);
    const answer = options.answer?.(request);
    if (answer) {
      req.resume();
      res.writeHead(answer.status, { 'content-type': 'application/xml' }).end(answer.body);
      return;
    }
    const out = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
