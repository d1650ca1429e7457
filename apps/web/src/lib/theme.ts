/**
 * The colour theme, kept per browser: light, dark, or the system's (no entry). public/theme.js
 * (a classic script in index.html's head, a file of its own as the CSP allows no inline
 * script; kept tiny, it counts in the first-screen budget) applies it before the first paint,
 * from the same localStorage entry; tokens.css reads `<html data-theme>`.
 */
export type Theme = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'stowage-theme';

export function readTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(theme: Theme): void {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
