import { useEffect, useId, useRef, type ReactNode } from 'react';
import clsx from 'clsx';
import { reportFocusLost } from '@/lib/grid-focus';
import { ButtonRow } from './button-row';
import styles from './dialog.module.css';

type DialogProps = {
  title: string;
  /** Escape (and the parent's own buttons) call this; the parent unmounts the dialog. */
  onClose: () => void;
  /** False while something must finish first (a delete in flight): Escape does nothing. */
  dismissible?: boolean;
  /** Wider, for forms: name/value rows, a text to type. */
  wide?: boolean;
  children: ReactNode;
};

/**
 * A modal native <dialog>, open while mounted: showModal() gives the focus trap, the inert
 * background and Escape for free. Its accessible name is the title.
 */
export function Dialog({
  title,
  onClose,
  dismissible = true,
  wide = false,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // Back to what opened it: React may have dropped the dialog, and the focus with it.
      const now = document.activeElement;
      if (
        opener instanceof HTMLElement &&
        (!now || now === document.body || dialog?.contains(now))
      ) {
        opener.focus();
      }
      // The opener went (with its row): the grid takes the focus, not the page.
      if (document.activeElement === document.body) reportFocusLost();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={clsx(styles.dialog, wide && styles.wide)}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** The button row at the bottom of a dialog. */
export const DialogActions = ButtonRow;

/** The keys a dialog acts on, as a short scrolling list. */
export function DialogKeys({ children }: { children: ReactNode }) {
  return <ul className={styles.keys}>{children}</ul>;
}
