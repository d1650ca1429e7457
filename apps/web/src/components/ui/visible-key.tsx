import { hiddenCharMarker, hiddenCharTitle, keyParts } from '@/utils/visible-key';
import styles from './visible-key.module.css';

/**
 * A key, name, metadata value or tag as React text, with every hidden character (bidi
 * overrides, zero-width, controls) shown as a styled `⟨U+202E⟩` marker that names it.
 * Its text content equals visibleKey(text), so accessible names stay the same.
 */
export function VisibleKey({ text }: { text: string }) {
  const parts = keyParts(text);
  const only = parts[0];
  if (parts.length === 1 && only && 'text' in only) return only.text;
  return parts.map((part, index) =>
    'text' in part ? (
      part.text
    ) : (
      <span key={index} className={styles.marker} title={hiddenCharTitle(part.hidden)}>
        {hiddenCharMarker(part.hidden)}
      </span>
    ),
  );
}
