import { useMemo } from 'react';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import styles from './markdown-preview.module.css';

// Links leave the app: a new tab, no opener, no referrer. (DOMPurify has already dropped
// javascript: and other unsafe URLs by the time this hook runs.)
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * Markdown rendered by marked (GitHub-flavoured) and sanitized by DOMPurify with its HTML
 * profile only (no SVG, no MathML): raw HTML in the document keeps only inert elements.
 */
function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    // The app's CSP refuses inline style: no style attributes (they would only log violations).
    FORBID_ATTR: ['style'],
  });
}

export function MarkdownPreview({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return (
    <div
      className={styles.markdown}
      aria-label="Rendered Markdown"
      role="document"
      tabIndex={0}
      // eslint-disable-next-line no-restricted-syntax -- sanitized by DOMPurify (renderMarkdown)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
