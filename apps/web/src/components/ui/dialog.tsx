import { useEffect, useId, useRef, type ReactNode } from 'react';

type DialogProps = {
  title: string;
  /** Escape (and the parent's own buttons) call this; the parent unmounts the dialog. */
  onClose: () => void;
  /** False while something must finish first (a delete in flight): Escape does nothing. */
  dismissible?: boolean;
  className?: string;
  children: ReactNode;
};

/**
 * A modal native <dialog>, open while mounted: showModal() gives the focus trap, the inert
 * background and Escape for free. Its accessible name is the title.
 */
export function Dialog({ title, onClose, dismissible = true, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={`dialog${className ? ` ${className}` : ''}`}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** The button row at the bottom of a dialog. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog__actions">{children}</div>;
}
