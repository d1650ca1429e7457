/**
 * Child-process entry of the embedded store: s3rver on 127.0.0.1, data under a directory.
 * It runs apart from the API because s3rver crashes its whole process on some inputs, and
 * it needs --openssl-legacy-provider on Node 20 (its continuation tokens use DES).
 */
import S3rver from 's3rver';

const directory = process.env.STOWAGE_EMBEDDED_DIR;
const port = Number(process.env.STOWAGE_EMBEDDED_PORT ?? 0);
if (!directory) throw new Error('STOWAGE_EMBEDDED_DIR is not set');

const server = new S3rver({
  address: '127.0.0.1',
  port,
  directory,
  silent: true,
  vhostBuckets: false,
});
const address = await server.run();
process.send?.({ type: 'listening', port: address.port });

const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
