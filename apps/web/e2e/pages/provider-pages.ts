import type { Page } from '@playwright/test';

/**
 * The test OpenID provider's own pages (oidc-provider's development login, consent and
 * logout pages, sso-server.mjs): what a person does at the identity provider.
 */
export class ProviderPages {
  constructor(private readonly page: Page) {}

  /** Types a login (any password) and allows Stowage what it asks. */
  async signIn(login: string) {
    await this.page.getByPlaceholder('Enter any login').fill(login);
    await this.page.getByPlaceholder('and password').fill('any password');
    await this.page.getByRole('button', { name: 'Sign-in' }).click();
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }

  /** The provider's "Do you want to sign-out…?" page (RP-initiated logout). */
  async confirmSignOut() {
    await this.page.getByRole('button', { name: 'Yes, sign me out' }).click();
  }
}
