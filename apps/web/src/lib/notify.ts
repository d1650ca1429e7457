/**
 * Lightweight feedback ("Deleted 3 objects", "Saved"): a toast, with an action (Undo) where
 * there is one. The toast library (sonner) and its <Toaster/> load on the first toast, not
 * with the first screen (components/ui/toaster.tsx).
 */
export type NotifyOptions = {
  tone?: 'success' | 'error';
  /** A button on the toast ("Undo"); the toast closes when it is clicked. */
  action?: { label: string; onClick: () => void };
};

export function notify(message: string, options: NotifyOptions = {}): void {
  void import('@/components/ui/toaster').then(({ showToast }) => {
    showToast(message, options);
  });
}
