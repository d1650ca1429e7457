/**
 * Child-process entry of the embedded store: s3rver on 127.0.0.1, data under a directory,
 * behind a SigV4 check (embedded-auth.ts): only requests signed with the store's key pair
 * reach s3rver. It runs apart from the API because s3rver crashes its whole process on some
 * inputs, and it needs --openssl-legacy-provider on Node 20 (its continuation tokens use DES).
 */
import http from 'node:http';
import S3rver from 's3rver';
import accounts from 's3rver/lib/models/account.js';
import { errorDocument, verifyRequest, type Refusal } from './embedded-auth.js';

const directory = process.env.STOWAGE_EMBEDDED_DIR;
const port = Number(process.env.STOWAGE_EMBEDDED_PORT ?? 0);
const accessKeyId = process.env.STOWAGE_EMBEDDED_ACCESS_KEY_ID;
const secretAccessKey = process.env.STOWAGE_EMBEDDED_SECRET_ACCESS_KEY;
if (!directory) throw new Error('STOWAGE_EMBEDDED_DIR is not set');
if (!accessKeyId || !secretAccessKey) {
  throw new Error(
    'STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY are not set',
  );
}

// s3rver's own check looks the key id up in its registry (and answers InvalidAccessKeyId for
// others): the store's pair is the only one there, s3rver's built-in S3RVER pair is revoked.
for (const id of [...accounts.registry.keys()]) accounts.DUMMY_ACCOUNT.revokeAccessKey(id);
accounts.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
const secretFor = (id: string) => (id === accessKeyId ? secretAccessKey : undefined);

const s3rver = new S3rver({ directory, silent: true, vhostBuckets: false });
await s3rver.configureBuckets(); // what s3rver's run() does before it listens
const serveS3 = s3rver.callback();

function refuse(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal) {
  req.resume(); // the body is read and dropped, so the client can read the answer
  const body = req.method === 'HEAD' ? '' : errorDocument(refusal);
  res.writeHead(refusal.status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(errorDocument(refusal)),
  });
  res.end(body);
}

const server = http.createServer((req, res) => {
  verifyRequest(req, secretFor).then(
    (verdict) => (verdict.ok ? serveS3(req, res) : refuse(req, res, verdict)),
    () =>
      refuse(req, res, {
        status: 500,
        code: 'InternalError',
        message: 'We encountered an internal error. Please try again.',
      }),
  );
});
server.on('close', () => {
  s3rver.logger.exceptions.unhandle();
  s3rver.logger.close();
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') {
    process.send?.({ type: 'listening', port: address.port });
  }
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
