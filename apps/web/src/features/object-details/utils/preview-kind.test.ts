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
    ['application/pdf', 'doc.pdf', 'pdf'],
    ['application/octet-stream', 'doc.pdf', 'pdf'],
    ['video/mp4', 'clip.mp4', 'video'],
    ['application/octet-stream', 'clip.webm', 'video'],
    ['audio/wav', 'tone.wav', 'audio'],
    ['application/octet-stream', 'tone.mp3', 'audio'],
    ['text/csv', 'rows.csv', 'csv'],
    ['text/plain', 'rows.csv', 'csv'],
    ['text/tab-separated-values', 'rows.tsv', 'tsv'],
    ['text/markdown', 'README.md', 'markdown'],
    ['application/octet-stream', 'README.md', 'markdown'],
    ['text/javascript', 'app.js', 'code'],
    ['application/yaml', 'config.yaml', 'code'],
    ['text/plain', 'main.py', 'code'],
    ['application/octet-stream', 'Dockerfile', 'code'],
    ['text/html', 'page.md', 'text'],
    ['image/png', 'a.png', 'image'],
    ['image/jpeg', 'a.jpg', 'image'],
    ['application/octet-stream', 'a.webp', 'image'],
    ['application/json', 'a.json', 'json'],
    ['text/plain', 'notes.txt', 'text'],
  ])('%s (%s) -> %s', (contentType, key, kind) => {
    expect(previewKind(contentType, key)).toBe(kind);
  });
});
