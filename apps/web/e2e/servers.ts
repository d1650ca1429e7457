import { e2eDataDir } from './data-dir';

/** The app under test (E2E_PORT) and a second, read-only server on the next port. */
export const e2ePort = Number(process.env.E2E_PORT ?? 18080);
export const appURL = `http://127.0.0.1:${String(e2ePort)}`;
export const readOnlyPort = e2ePort + 1;
/** Another origin of the same site (another port): what a cross-origin page would be. */
export const readOnlyURL = `http://127.0.0.1:${String(readOnlyPort)}`;

/** The read-only server's own embedded store (seeded with the same demo data). */
export const readOnlyDataDir = `${e2eDataDir}-read-only`;

/** The signed-in browser state the setup project saves and every spec starts from. */
export const authStatePath = `${e2eDataDir}-auth.json`;

/**
 * The Ceph-backed server (ceph-server.mjs): the built API on E2E_PORT+2 against a fresh Ceph
 * RGW whose ports follow it (RGW +3, monitor +4 and +5), so parallel runs on other E2E_PORTs
 * do not clash. The *.ceph.spec.ts files run there (the `ceph` project).
 */
export const cephPort = e2ePort + 2;
export const cephURL = `http://127.0.0.1:${String(cephPort)}`;
const portFromEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** CEPH_RGW_PORT, CEPH_MON_PORT, CEPH_MON_V1_PORT and CEPH_STATE_DIR, when set, say otherwise. */
export const cephPorts = {
  rgw: portFromEnv('CEPH_RGW_PORT', e2ePort + 3),
  mon: portFromEnv('CEPH_MON_PORT', e2ePort + 4),
  monV1: portFromEnv('CEPH_MON_V1_PORT', e2ePort + 5),
};
export const cephStateDir = process.env.CEPH_STATE_DIR ?? `${e2eDataDir}-ceph`;
export const cephApiDataDir = `${e2eDataDir}-ceph-api`;
export const cephEndpoint = `http://127.0.0.1:${String(cephPorts.rgw)}`;
/** The RGW user's keys (ceph-rgw.sh makes the user with them): key sign-in and the spec's own S3 client. */
export const CEPH_KEYS = {
  accessKeyId: process.env.CEPH_S3_ACCESS_KEY ?? 'stowage-e2e',
  secretAccessKey: process.env.CEPH_S3_SECRET_KEY ?? 'stowage-e2e-secret-key-0123456789',
};
/**
 * Set by `npm test` (scripts/test.mjs), which starts one Ceph for the whole run: then the e2e
 * run uses it (at CEPH_RGW_PORT, with CEPH_S3_* keys) and neither starts nor stops its own.
 */
export const sharedCephEndpoint = process.env.STOWAGE_TEST_CEPH_ENDPOINT;
/** The Ceph server's saved sign-in (auth.ceph.setup.ts). */
export const cephAuthStatePath = `${e2eDataDir}-ceph-auth.json`;

/**
 * The single sign-on server (sso-server.mjs, issue 21): the built API on E2E_PORT+6 with an
 * `sso` section, a real OpenID provider on +7 and its own s3rver with team buckets on +8.
 */
export const ssoPort = e2ePort + 6;
export const ssoURL = `http://127.0.0.1:${String(ssoPort)}`;
export const ssoProviderPort = e2ePort + 7;
export const ssoS3Port = e2ePort + 8;
export const ssoDataDir = `${e2eDataDir}-sso`;
