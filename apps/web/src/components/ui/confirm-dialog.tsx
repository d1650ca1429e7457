import type { ReactNode } from 'react';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';

type ConfirmDialogProps = {
  title: string;
  /** What the action does, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button's label while the work runs ("Revoking…"). */
  pendingLabel?: string;
  /** The work runs: both buttons wait, and the dialog cannot be dismissed. */
  pending?: boolean;
  variant?: 'danger' | 'primary' | 'default';
  /** Why the work failed (the dialog stays open for another try). */
  failure?: { title: string; message: string } | undefined;
  /** Starts the work; the caller closes the dialog when it succeeds (or at once). */
  onConfirm: () => void;
  onClose: () => void;
};

/** "Are you sure?" before a change that cannot simply be taken back: Cancel, or the action. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const pending = props.pending === true;
  return (
    <Dialog title={props.title} onClose={props.onClose} dismissible={!pending}>
      {props.children}
      {props.failure ? <Banner title={props.failure.title}>{props.failure.message}</Banner> : null}
      <DialogActions>
        <Button onClick={props.onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant={props.variant ?? 'primary'} disabled={pending} onClick={props.onConfirm}>
          {pending && props.pendingLabel ? props.pendingLabel : props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
