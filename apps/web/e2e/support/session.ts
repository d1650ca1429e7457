/**
 * The browser states specs start from. By default every spec starts signed in: the setup
 * project (auth.setup.ts) signs in once through the login form and saves the cookie
 * (servers.ts' authStatePath, playwright.config.ts' storageState). Specs that test signing
 * in and out start signed out instead: `test.use({ storageState: SIGNED_OUT })`, then sign
 * in through the form themselves (`loginPage.signIn()`, pages/login-page.ts).
 */

/** A browser state with no session cookie. */
export const SIGNED_OUT = { cookies: [], origins: [] };
