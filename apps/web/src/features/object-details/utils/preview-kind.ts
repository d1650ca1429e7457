export type PreviewKind =
  | 'json'
  | 'text'
  | 'image'
  | 'video'
  | 'audio'
  | 'pdf'
  | 'csv'
  | 'tsv'
  | 'markdown'
  | 'code'
  | 'none';

/** Raster formats every current browser decodes. SVG is left out on purpose: it can carry script. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);
const TEXT_TYPES = new Set(['application/x-ndjson']);
/** Source and config types: highlighted (by the extension's language, else guessed). */
const CODE_TYPES = new Set([
  'application/xml',
  'application/yaml',
  'application/x-yaml',
  'application/javascript',
  'application/toml',
  'application/x-sh',
  'application/sql',
]);
/** Types that say nothing about the content: fall back to the key's extension. */
const GENERIC_TYPES = new Set([
  '',
  'application/octet-stream',
  'binary/octet-stream',
  'application/x-download',
]);

/** Extensions of source and config files (code-preview.tsx maps each to a language). */
export const CODE_EXTENSIONS = new Set([
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'tsx',
  'py',
  'sh',
  'bash',
  'yaml',
  'yml',
  'toml',
  'ini',
  'conf',
  'cfg',
  'xml',
  'css',
  'sql',
  'go',
  'rs',
  'java',
  'c',
  'h',
  'cpp',
  'hpp',
  'dockerfile',
]);

const EXTENSION_KINDS: Record<string, PreviewKind> = {
  json: 'json',
  txt: 'text',
  log: 'text',
  md: 'markdown',
  markdown: 'markdown',
  csv: 'csv',
  tsv: 'tsv',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  avif: 'image',
  mp4: 'video',
  m4v: 'video',
  webm: 'video',
  ogv: 'video',
  mov: 'video',
  mp3: 'audio',
  wav: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  m4a: 'audio',
  flac: 'audio',
  aac: 'audio',
  pdf: 'pdf',
  ...Object.fromEntries([...CODE_EXTENSIONS].map((e) => [e, 'code' as const])),
};

export function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  if (name.toLowerCase() === 'dockerfile') return 'dockerfile';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** How to preview an object, from its Content-Type, else (for generic types) its extension. */
export function previewKind(contentType: string | null, key: string): PreviewKind {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = extensionOf(key);
  if (GENERIC_TYPES.has(mime)) return EXTENSION_KINDS[extension] ?? 'none';
  if (IMAGE_TYPES.has(mime)) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'application/json' || mime.endsWith('+json')) return 'json';
  if (mime === 'text/csv') return 'csv';
  if (mime === 'text/tab-separated-values') return 'tsv';
  if (mime === 'text/markdown' || mime === 'text/x-markdown') return 'markdown';
  if (CODE_TYPES.has(mime)) return 'code';
  if (mime.startsWith('text/') || mime.endsWith('+xml') || TEXT_TYPES.has(mime)) {
    // Markup (HTML, SVG, XHTML) stays plain text: shown as its source, never rendered.
    if (mime === 'text/html' || mime.endsWith('+xml')) return 'text';
    const byExtension = EXTENSION_KINDS[extension];
    if (byExtension === 'json' || byExtension === 'code') return byExtension;
    if (byExtension === 'csv' || byExtension === 'tsv' || byExtension === 'markdown') {
      return byExtension;
    }
    return 'text';
  }
  return 'none';
}
