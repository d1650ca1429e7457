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
