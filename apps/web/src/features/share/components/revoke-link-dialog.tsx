import type { LinkSummary } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage } from '@/lib/api-client';
import { useRevokeLink } from '../api/revoke-link';

type RevokeLinkDialogProps = { bucket: string; link: LinkSummary; onClose: () => void };

/** Confirms revoking one link: it stops working at once, for anyone who has it. */
export function RevokeLinkDialog({ bucket, link, onClose }: RevokeLinkDialogProps) {
  const revoke = useRevokeLink(bucket);
  const what = link.kind === 'upload' ? 'upload link to' : 'link to';
  return (
    <Dialog title="Revoke this link?" onClose={onClose} dismissible={!revoke.isPending}>
      {revoke.error ? (
        <Banner title="The link was not revoked.">{errorMessage(revoke.error)}</Banner>
      ) : null}
      <p>
        The {what} <VisibleKey text={link.key === '' ? `the root of ${bucket}` : link.key} /> stops
        working at once, for anyone who has it. This cannot be undone.
      </p>
      <DialogActions>
        <Button onClick={onClose} disabled={revoke.isPending}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={revoke.isPending}
          onClick={() => {
            revoke.mutate(link.id, { onSuccess: onClose });
          }}
        >
          {revoke.isPending ? 'Revoking…' : 'Revoke link'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
