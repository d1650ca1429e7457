export type PreviewKind = 'json' | 'text' | 'image' | 'none';

/** Raster formats every current browser decodes. SVG is left out on purpose: it can carry script. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);
const TEXT_TYPES = new Set([
  'application/xml',
  'application/yaml',
  'application/x-yaml',
  'application/x-ndjson',
  'application/javascript',
  'application/toml',
]);
/** Types that say nothing about the content: fall back to the key's extension. */
const GENERIC_TYPES = new Set([
  '',
  'application/octet-stream',
  'binary/octet-stream',
  'application/x-download',
]);

const EXTENSION_KINDS: Record<string, PreviewKind> = {
  json: 'json',
  txt: 'text',
  md: 'text',
  csv: 'text',
  tsv: 'text',
  log: 'text',
  yaml: 'text',
  yml: 'text',
  xml: 'text',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  avif: 'image',
};

function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** How to preview an object, from its Content-Type, else (for generic types) its extension. */
export function previewKind(contentType: string | null, key: string): PreviewKind {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = extensionOf(key);
  if (GENERIC_TYPES.has(mime)) return EXTENSION_KINDS[extension] ?? 'none';
  if (IMAGE_TYPES.has(mime)) return 'image';
  if (mime === 'application/json' || mime.endsWith('+json')) return 'json';
  if (mime.startsWith('text/') || mime.endsWith('+xml') || TEXT_TYPES.has(mime)) {
    return extension === 'json' ? 'json' : 'text';
  }
  return 'none';
}
