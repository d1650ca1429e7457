import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query exactly as the client sent them. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The store's (or the proxy's own) answer, once it came. */
  status?: number;
}

export interface RecordingProxy {
  endpoint: string;
  /** Every request that went through, in order. */
  seen: SeenRequest[];
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
 * A plain HTTP proxy on 127.0.0.1 (port 0) in front of the store: it forwards every request
 * unchanged (the Host header too, so signatures stay valid) and records what went over the
 * wire, or answers a request itself when `answer` says so.
 */
export async function startRecordingProxy(
  target: string,
  options: { answer?: (request: string) => StoreAnswer | undefined } = {},
): Promise<RecordingProxy> {
  const to = new URL(target);
  const seen: SeenRequest[] = [];
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const entry: SeenRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
    };
    const request = `${entry.method} ${entry.url}`;
    seen.push(entry);
    requests.push(request);
    const own = options.answer?.(request);
    if (own) {
      entry.status = own.status;
      req.resume();
      res.writeHead(own.status, { 'content-type': 'application/xml' }).end(own.body);
      return;
    }
    const upstream = http.request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        entry.status = answer.statusCode;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
