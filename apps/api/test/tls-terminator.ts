import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { generate } from 'selfsigned';

export interface TestCertificates {
  /** The test CA's certificate, written to a PEM file (an AWS_CA_BUNDLE). */
  caFile: string;
  /** The server's certificate and key, signed by the test CA. */
  cert: string;
  key: string;
  /** Removes the files. */
  remove(): void;
}

const ec = { keyType: 'ec', algorithm: 'sha256' } as const;

/**
 * A CA made now, and a server certificate it signs for `hosts` (IP addresses or DNS names;
 * default 127.0.0.1 and localhost), valid from an hour ago for `validDays` (negative: expired).
 */
export async function makeCertificates(
  hosts = ['127.0.0.1', 'localhost'],
  validDays = 2,
): Promise<TestCertificates> {
  const ca = await generate([{ name: 'commonName', value: 'Stowage test CA' }], {
    ...ec,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const notBeforeDate = new Date(Date.now() - 3600_000 + Math.min(validDays, 0) * 86400_000 * 2);
  const notAfterDate = new Date(Date.now() + validDays * 86400_000);
  const server = await generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    ...ec,
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((h) => (net.isIP(h) ? { type: 7, ip: h } : { type: 2, value: h })),
      },
    ],
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-tls-'));
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, ca.cert);
  return {
    caFile,
    cert: server.cert,
    key: server.private,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TlsTerminator {
  /** https://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  /** TLS connections accepted so far (handshakes attempted, trusted or not). */
  connections: number;
  close(): Promise<void>;
}

/**
 * A TLS terminator in front of a plain-HTTP store, as a real deployment would put nginx or
 * haproxy there: each TLS connection is piped, decrypted, to the store's TCP port.
 */
export async function startTlsTerminator(
  storeEndpoint: string,
  certs: Pick<TestCertificates, 'cert' | 'key'>,
): Promise<TlsTerminator> {
  const store = new URL(storeEndpoint);
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const server = tls.createServer({ cert: certs.cert, key: certs.key }, (client) => {
    const upstream = net.connect(Number(store.port), store.hostname);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  // A client that refuses our certificate ends the handshake; that is expected here.
  server.on('tlsClientError', () => {});
  const result: TlsTerminator = {
    endpoint: '',
    port: 0,
    connections: 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
  server.on('connection', (raw: net.Socket) => {
    result.connections += 1;
    track(raw);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  result.port = (server.address() as net.AddressInfo).port;
  result.endpoint = `https://127.0.0.1:${result.port}`;
  return result;
}
