import { describe, expect, it } from 'vitest';
import { previewKind } from './preview-kind';

// Store content must never become an active document in the app's origin: markup types are
// previewed as text, and only raster images go into an <img>.
describe('previewKind', () => {
  it.each([
    ['text/html', 'page.html', 'text'],
    ['text/html; charset=utf-8', 'page.htm', 'text'],
    ['application/xhtml+xml', 'page.xhtml', 'text'],
    ['image/svg+xml', 'drawing.svg', 'text'],
    ['application/octet-stream', 'drawing.svg', 'none'],
    ['application/octet-stream', 'page.html', 'none'],
    ['application/pdf', 'doc.pdf', 'none'],
    ['image/png', 'a.png', 'image'],
    ['image/jpeg', 'a.jpg', 'image'],
    ['application/octet-stream', 'a.webp', 'image'],
    ['application/json', 'a.json', 'json'],
    ['text/plain', 'notes.txt', 'text'],
  ])('%s (%s) -> %s', (contentType, key, kind) => {
    expect(previewKind(contentType, key)).toBe(kind);
  });
});
