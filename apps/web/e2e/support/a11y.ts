/**
 * The accessibility audit: axe-core (@axe-core/playwright) on the page as it is, at WCAG 2.1
 * level AA. A violation fails with its rule, what it says and where (CSS selectors).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type Theme = 'light' | 'dark';

/** Starts every page of the test in this theme (what the header's Theme menu stores). */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((t) => {
    localStorage.setItem('stowage-theme', t);
  }, theme);
}

/** No axe violation at WCAG 2.1 AA on the page as it stands; `screen` names it in a failure. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Transitions settled (a dialog fading in would be measured half transparent).
  // (A cancelled one rejects: that is settled too.)
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(found, `axe violations on ${screen}`).toEqual([]);
}
