// The single sign-on server of the e2e run (playwright.config.ts' fourth webServer, issue 21):
// a real OpenID provider (oidc-provider, the API's test dependency, with its development login
// and consent pages), a plain s3rver with team buckets, and the built API with a profiles file
// whose `sso` section maps the provider's groups to roles. Ports: SSO_PORT (the API),
// SSO_PROVIDER_PORT, SSO_S3_PORT. SIGTERM, SIGINT or the API's exit stop all three.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const apiDir = fileURLToPath(new URL('../../api/', import.meta.url));
const fromApi = (file) => import(pathToFileURL(path.join(apiDir, 'node_modules', file)).href);
const { default: Provider } = await fromApi('oidc-provider/lib/index.js');
const { default: S3rver } = await fromApi('s3rver/lib/s3rver.js');

const port = Number(process.env.SSO_PORT);
const providerPort = Number(process.env.SSO_PROVIDER_PORT);
const s3Port = Number(process.env.SSO_S3_PORT);
const dataDir = process.env.SSO_DATA_DIR;
if (!port || !providerPort || !s3Port || !dataDir) {
  console.error('sso-server: SSO_PORT, SSO_PROVIDER_PORT, SSO_S3_PORT and SSO_DATA_DIR are needed');
  process.exit(2);
}
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const origin = `http://127.0.0.1:${port}`;
const issuer = `http://127.0.0.1:${providerPort}`;
const USERS = {
  alice: { name: 'Alice Admin', email: 'alice@example.test', groups: ['storage-admins'] },
  bob: { name: 'Bob Builder', email: 'bob@example.test', groups: ['team-a'] },
  carol: { name: 'Carol Both', email: 'carol@example.test', groups: ['team-a', 'auditors'] },
  erin: { name: 'Erin Elsewhere', email: 'erin@example.test', groups: ['marketing'] },
};
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'stowage',
      client_secret: 'an e2e client secret',
      redirect_uris: [`${origin}/api/auth/sso/callback`],
      post_logout_redirect_uris: [`${origin}/`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  pkce: { required: () => true, methods: ['S256'] },
  scopes: ['openid', 'profile', 'email', 'groups'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
  findAccount: (_ctx, id) =>
    USERS[id] ? { accountId: id, claims: () => ({ sub: id, ...USERS[id] }) } : undefined,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['an e2e cookie key for the provider'] },
});
const providerServer = createServer(provider.callback());
await new Promise((resolve) => providerServer.listen(providerPort, '127.0.0.1', resolve));

const s3rver = new S3rver({
  port: s3Port,
  address: '127.0.0.1',
  directory: path.join(dataDir, 's3'),
  silent: true,
  configureBuckets: ['team-a-docs', 'team-a-logs', 'team-b-docs'].map((name) => ({ name })),
});
await s3rver.run();

const profilesFile = path.join(dataDir, 'profiles.json');
writeFileSync(
  profilesFile,
  JSON.stringify({
    profiles: [
      {
        name: 'team',
        endpoint: `http://127.0.0.1:${s3Port}`,
        region: 'us-east-1',
        forcePathStyle: true,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        // No passwordHash: single sign-on's alone (the login page shows only its button).
      },
      {
        name: 'audit',
        endpoint: `http://127.0.0.1:${s3Port}`,
        region: 'us-east-1',
        forcePathStyle: true,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        readOnly: true,
      },
    ],
    sso: {
      issuer,
      clientId: 'stowage',
      clientSecretEnv: 'E2E_SSO_CLIENT_SECRET',
      scopes: ['openid', 'profile', 'email', 'groups'],
      buttonName: 'Test ID',
      roles: [
        { value: 'storage-admins', profile: 'team' },
        { value: 'team-a', profile: 'team', buckets: ['team-a-*'] },
        { value: 'auditors', profile: 'audit' },
      ],
    },
  }),
);

const api = spawn(process.execPath, [path.join(apiDir, 'dist/server.js')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(port),
    STOWAGE_PROFILES_FILE: profilesFile,
    STOWAGE_DATA_DIR: path.join(dataDir, 'api'),
    STOWAGE_SESSION_SECRET: 'an e2e session secret of at least 32 characters',
    E2E_SSO_CLIENT_SECRET: 'an e2e client secret',
  },
});

function stopAll() {
  if (api.exitCode === null) api.kill('SIGTERM');
  providerServer.closeAllConnections();
  providerServer.close();
  void s3rver.close();
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => {
    stopAll();
    process.exit(0);
  });
}
api.on('exit', (code) => {
  stopAll();
  process.exit(code ?? 1);
});
