import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { copyText } from '../utils/copy-text';
import styles from './share.module.css';

type CopyButtonProps = {
  text: string;
  /** The button's accessible name when "Copy" alone would be ambiguous (a table of links). */
  label?: string;
};

/** "Copy": the text to the clipboard, then "Copied" for a few seconds (announced, live). */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => {
      setState('idle');
    }, 4000);
    return () => {
      clearTimeout(timer);
    };
  }, [state]);
  return (
    <>
      <Button
        size="sm"
        aria-label={label}
        onClick={() => {
          copyText(text).then(
            () => {
              setState('copied');
            },
            () => {
              setState('failed');
            },
          );
        }}
      >
        Copy
      </Button>
      {/* Announced without a status role: a page keeps role="status" for its own status line. */}
      <span aria-live="polite" className={state === 'failed' ? styles.copyFailed : styles.copied}>
        {state === 'copied' ? 'Copied' : ''}
        {state === 'failed' ? 'Could not copy: select the link and copy it.' : ''}
      </span>
    </>
  );
}
