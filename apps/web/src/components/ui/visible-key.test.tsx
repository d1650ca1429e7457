import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VisibleKey } from './visible-key';
import styles from './visible-key.module.css';

describe('<VisibleKey>', () => {
  it('renders an ordinary key as plain text', () => {
    expect(renderToStaticMarkup(<VisibleKey text="docs/a.txt" />)).toBe('docs/a.txt');
  });

  it('renders each hidden character as a titled marker', () => {
    expect(renderToStaticMarkup(<VisibleKey text={'a\u202Eb'} />)).toBe(
      `a<span class="${String(styles.marker)}" title="Hidden character U+202E (RIGHT-TO-LEFT OVERRIDE)">⟨U+202E⟩</span>b`,
    );
  });

  it('renders markup in a key as text, never as elements', () => {
    const html = renderToStaticMarkup(<VisibleKey text="<img src=x onerror=alert(1)>" />);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });
});
