import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query exactly as the client sent them. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The store's answer, once it came. */
  status?: number;
}

export interface RecordingProxy {
  endpoint: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A plain HTTP proxy on 127.0.0.1 (port 0) in front of the store: it forwards every request
 * unchanged and records what went over the wire, so tests see the real requests.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const to = new URL(target);
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const entry: SeenRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
    };
    seen.push(entry);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
