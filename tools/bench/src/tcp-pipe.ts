import net from 'node:net';

export interface TcpPipe {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * The least any relay can do: each connection is piped byte for byte to the store, with no
 * HTTP parsing, signing or copying of ours. The store sees the pipe's Host header, which the
 * client signed, so its requests are valid.
 */
export async function startTcpPipe(storeEndpoint: string): Promise<TcpPipe> {
  const target = new URL(storeEndpoint);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const store = net.connect(Number(target.port || 80), target.hostname);
    for (const s of [client, store]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
    }
    client.pipe(store).on('error', () => client.destroy());
    store.pipe(client).on('error', () => store.destroy());
    client.once('error', () => store.destroy());
    store.once('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
