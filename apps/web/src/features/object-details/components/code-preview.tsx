import clsx from 'clsx';
import { useMemo } from 'react';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { extensionOf } from '../utils/preview-kind';
import styles from './code-preview.module.css';
import previewStyles from './object-preview.module.css';

const LANGUAGES = {
  bash,
  c,
  cpp,
  css,
  dockerfile,
  go,
  ini,
  java,
  javascript,
  python,
  rust,
  sql,
  typescript,
  xml,
  yaml,
};
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);

const BY_EXTENSION: Record<string, keyof typeof LANGUAGES> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  sh: 'bash',
  bash: 'bash',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'ini',
  ini: 'ini',
  conf: 'ini',
  cfg: 'ini',
  xml: 'xml',
  css: 'css',
  sql: 'sql',
  go: 'go',
  rs: 'rust',
  java: 'java',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  hpp: 'cpp',
  dockerfile: 'dockerfile',
};

/** Past this many characters highlighting is skipped (the text is shown plain). */
const MAX_HIGHLIGHT_CHARS = 128 * 1024;

/**
 * highlight.js's core with the languages above only (not its ~190): it escapes the text and
 * wraps tokens in <span class="hljs-…">, the one HTML it produces.
 */
export function CodePreview({ text, name }: { text: string; name: string }) {
  const language = BY_EXTENSION[extensionOf(name)];
  const html = useMemo(() => {
    if (text.length > MAX_HIGHLIGHT_CHARS) return null;
    return language === undefined
      ? hljs.highlightAuto(text, Object.keys(LANGUAGES)).value
      : hljs.highlight(text, { language, ignoreIllegals: true }).value;
  }, [text, language]);
  return html === null ? (
    <pre className={clsx(previewStyles.text, styles.code)} tabIndex={0} aria-label="Preview code">
      {text}
    </pre>
  ) : (
    <pre
      className={clsx(previewStyles.text, styles.code)}
      tabIndex={0}
      aria-label="Preview code"
      data-language={language ?? 'auto'}
      // eslint-disable-next-line no-restricted-syntax -- highlight.js escapes the source; it adds only <span class="hljs-…">
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
