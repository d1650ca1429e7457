/* global document */
// The theme chosen in this browser (src/lib/theme.ts), set before the first paint: no flash.
// A file of its own: the CSP allows no inline script.
try {
  const theme = localStorage.getItem('stowage-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage refused (private mode): the system's theme.
}
