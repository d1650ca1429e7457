import type { Locator, Page } from '@playwright/test';
import { STORE_KEYS } from '../support/demo';

/** The login page: its "Sign in" form (shown for any URL while signed out). */
export class LoginPage {
  readonly form: Locator;
  readonly accessKey: Locator;
  readonly secretKey: Locator;
  readonly submit: Locator;
  /** "Sign in with <provider>", when single sign-on is configured (sso.spec.ts). */
  readonly ssoButton: Locator;
  /** The embedded demo store's keys ("Demo keys"), shown only on that store. */
  readonly demoKeys: Locator;

  constructor(page: Page) {
    this.demoKeys = page.getByRole('region', { name: 'Demo keys' });
    this.ssoButton = page.getByRole('link', { name: /^Sign in with / });
    this.form = page.getByRole('form', { name: 'Sign in' });
    this.accessKey = this.form.getByLabel('Access key');
    this.secretKey = this.form.getByLabel('Secret key');
    this.submit = this.form.getByRole('button', { name: 'Sign in' });
  }

  /** Types the keys (by default the embedded store's) into the form and submits it. */
  async signIn(keys: { accessKeyId: string; secretAccessKey: string } = STORE_KEYS) {
    await this.accessKey.fill(keys.accessKeyId);
    await this.secretKey.fill(keys.secretAccessKey);
    await this.submit.click();
  }
}
