import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './helper.js';
import { partHead } from './multipart.js';

/**
 * (raw-http.ts sends one whole request and reads its answer; this keeps the socket in hand.)
 * One HTTP/1.1 request written byte by byte on a plain TCP socket, for what an HTTP client
 * would not do: stall, trickle, stop reading. The server's bytes are collected as they come.
 */
export interface RawExchange {
  socket: net.Socket;
  /** Writes, then waits until the socket has taken it (its buffer drained). */
  send(data: string | Buffer): Promise<void>;
  /** Everything the server has sent so far. */
  received(): Buffer;
  /** Settles when the connection closes (either side, or an error), with when it did. */
  closed: Promise<{ at: number; data: Buffer }>;
  /** The first response, once the server has sent all of it (Content-Length bodies). */
  response(): Promise<{ status: number; body: string }>;
}

export function serverPort(app: TestApp): number {
  return (app.server.address() as AddressInfo).port;
}

const open = new Set<net.Socket>();

/** Closes every connection rawRequest opened and the server has not (for afterEach). */
export function closeRawRequests(): void {
  for (const socket of open) socket.destroy();
  open.clear();
}

/** Opens a connection and writes the request head (nothing of the body). */
export function rawRequest(
  app: TestApp,
  head: { method: string; path: string; headers: Record<string, string | number> },
): RawExchange {
  const socket = net.connect(serverPort(app), '127.0.0.1');
  open.add(socket);
  socket.on('close', () => open.delete(socket));
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const closed = new Promise<{ at: number; data: Buffer }>((resolve) => {
    socket.on('close', () => resolve({ at: Date.now(), data: Buffer.concat(chunks) }));
    socket.on('error', () => {});
  });
  const headers = { host: '127.0.0.1', ...app.sessionHeaders, ...head.headers };
  socket.write(
    `${head.method} ${head.path} HTTP/1.1\r\n` +
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n',
  );
  const received = () => Buffer.concat(chunks);
  return {
    socket,
    received,
    closed,
    send: (data) =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        if (socket.write(data)) return resolve();
        const done = () => {
          socket.off('drain', done);
          socket.off('close', done);
          resolve();
        };
        socket.on('drain', done);
        socket.on('close', done);
      }),
    response: () =>
      new Promise((resolve, reject) => {
        const check = () => {
          const parsed = parseResponse(received());
          if (parsed) {
            socket.off('data', check);
            socket.off('close', onClose);
            resolve(parsed);
          }
        };
        const onClose = () => {
          check();
          reject(new Error(`The connection closed before a whole response: ${received()}`));
        };
        socket.on('data', check);
        socket.on('close', onClose);
        check();
      }),
  };
}

/** The status and body of the first whole response in `data`, if it is all there. */
export function parseResponse(
  data: Buffer,
): { status: number; head: string; body: string } | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = data.subarray(0, end).toString('latin1');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
  if (data.length < end + 4 + length) return undefined;
  return { status, head, body: data.subarray(end + 4, end + 4 + length).toString('utf8') };
}

export const BOUNDARY = 'stowage-raw-test';
export const FORM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** The fields of an upload form, then the head of its file part: the file's bytes come next. */
export function formHead(fields: Record<string, string> = {}): Buffer {
  return Buffer.concat([
    ...Object.entries(fields).flatMap(([name, value]) => [
      partHead(BOUNDARY, { name }),
      Buffer.from(`${value}\r\n`),
    ]),
    partHead(BOUNDARY, { name: 'file', filename: 'raw.bin' }),
  ]);
}

/** What ends the form after the file's bytes. */
export const FORM_END = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/** A whole upload form around `file`. */
export const wholeForm = (file: Buffer, fields: Record<string, string> = {}) =>
  Buffer.concat([formHead(fields), file, FORM_END]);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
