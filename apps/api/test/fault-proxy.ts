import http from 'node:http';
import type net from 'node:net';

/**
 * What the proxy does with one request:
 * - `pass`: forwards it to the store and the answer back;
 * - `drop`: reads the request, then closes the connection without an answer (the store never
 *   sees it);
 * - `lose-answer`: forwards it (the store acts on it), then closes the connection instead of
 *   passing the answer on;
 * - `503`: answers `503 SlowDown` with S3's XML error body (the store never sees it);
 * - `cut`: forwards the headers and the first half of the body to the store, then closes both
 *   connections (the store sees a request end early);
 * - `hang`: reads the request and never answers;
 * - `cut-answer`: forwards it, passes the answer's headers and the first half of its body on,
 *   then closes the connection (the store failing mid-answer);
 * - `stall-answer`: as `cut-answer`, but then sends nothing more and keeps the connection open
 *   (a store that stops mid-answer), until close().
 */
export type Fault =
  'pass' | 'drop' | 'lose-answer' | 'cut' | '503' | 'hang' | 'cut-answer' | 'stall-answer';

export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  fault: Fault;
}

export type RequestMatch = (r: {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}) => boolean;

export interface FaultProxy {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** Every request so far, in arrival order, with what was done to it. */
  seen: SeenRequest[];
  /**
   * The faults for the next requests that `match` accepts (default: all), one each, in order;
   * other requests, and those after the plan, pass. Replaces any earlier plan.
   */
  plan(faults: Fault[], match?: RequestMatch): void;
  close(): Promise<void>;
}

const SLOW_DOWN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>' +
  '<Message>Please reduce your request rate.</Message><RequestId>fault-proxy</RequestId></Error>';

/**
 * A fault-injecting HTTP proxy in front of the suite's store, on an ephemeral port. The Host
 * header is forwarded unchanged, so SigV4 signatures made for the proxy's address still hold.
 */
export async function startFaultProxy(storeEndpoint: string): Promise<FaultProxy> {
  const store = new URL(storeEndpoint);
  let faults: Fault[] = [];
  let matches: RequestMatch = () => true;
  const seen: SeenRequest[] = [];
  const sockets = new Set<net.Socket>();

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, fault: Fault) => {
    const upstream = http.request(
      {
        host: store.hostname,
        port: store.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: false,
      },
      (answer) => {
        if (fault === 'lose-answer') {
          answer.resume();
          answer.on('end', () => res.socket?.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (fault === 'pass') {
          answer.pipe(res);
          return;
        }
        halfAnswer(answer, res, fault === 'cut-answer');
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    req.pipe(upstream);
  };

  /** The first half of the answer's body, then the connection closed (cut) or held (stall). */
  const halfAnswer = (answer: http.IncomingMessage, res: http.ServerResponse, close: boolean) => {
    const half = Math.floor(Number(answer.headers['content-length'] ?? 0) / 2);
    let sent = 0;
    answer.on('data', (chunk: Buffer) => {
      if (sent >= half) return;
      const part = chunk.subarray(0, half - sent);
      sent += part.length;
      res.write(part);
      if (sent < half) return;
      answer.destroy();
      if (close) res.write('', () => res.socket?.destroy());
    });
  };

  const cut = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const half = Math.floor(Number(req.headers['content-length'] ?? 0) / 2);
    const upstream = http.request({
      host: store.hostname,
      port: store.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent: false,
    });
    upstream.on('error', () => {});
    let sent = 0;
    req.on('data', (chunk: Buffer) => {
      if (sent >= half) return;
      const part = chunk.subarray(0, half - sent);
      sent += part.length;
      upstream.write(part);
      if (sent < half) return;
      // Let the half reach the store, then end both connections mid-request.
      setTimeout(() => {
        upstream.destroy();
        res.socket?.destroy();
      }, 100);
    });
  };

  const server = http.createServer((req, res) => {
    const request = { method: req.method ?? 'GET', url: req.url ?? '/' };
    const fault =
      (matches({ ...request, headers: req.headers }) ? faults.shift() : undefined) ?? 'pass';
    seen.push({ ...request, fault });
    if (
      fault === 'pass' ||
      fault === 'lose-answer' ||
      fault === 'cut-answer' ||
      fault === 'stall-answer'
    ) {
      forward(req, res, fault);
      return;
    }
    if (fault === 'cut') {
      cut(req, res);
      return;
    }
    req.resume();
    req.on('end', () => {
      if (fault === 'drop') res.socket?.destroy();
      if (fault === '503') {
        const body = req.method === 'HEAD' ? '' : SLOW_DOWN;
        res.writeHead(503, {
          'content-type': 'application/xml',
          'content-length': Buffer.byteLength(SLOW_DOWN),
        });
        res.end(body);
      }
      // hang: nothing, until close()
    });
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    plan(next, match = () => true) {
      faults = [...next];
      matches = match;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
