import type { LinkSummary } from '@stowage/shared';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage } from '@/lib/api-client';
import { useRevokeLink } from '../api/revoke-link';

type RevokeLinkDialogProps = { bucket: string; link: LinkSummary; onClose: () => void };

/** Confirms revoking one link: it stops working at once, for anyone who has it. */
export function RevokeLinkDialog({ bucket, link, onClose }: RevokeLinkDialogProps) {
  const revoke = useRevokeLink(bucket);
  const what = link.kind === 'upload' ? 'upload link to' : 'link to';
  return (
    <ConfirmDialog
      title="Revoke this link?"
      confirmLabel="Revoke link"
      pendingLabel="Revoking…"
      variant="danger"
      pending={revoke.isPending}
      failure={
        revoke.error
          ? { title: 'The link was not revoked.', message: errorMessage(revoke.error) }
          : undefined
      }
      onConfirm={() => {
        revoke.mutate(link.id, { onSuccess: onClose });
      }}
      onClose={onClose}
    >
      <p>
        The {what} <VisibleKey text={link.key === '' ? `the root of ${bucket}` : link.key} /> stops
        working at once, for anyone who has it. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
