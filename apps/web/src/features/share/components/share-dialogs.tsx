import type { LinkAbilities } from '@stowage/shared';
import type { ShareRequest } from '../share-request';
import { ShareDialog } from './share-dialog';
import { UploadLinkDialog } from './upload-link-dialog';

type ShareDialogsProps = { request: ShareRequest; links: LinkAbilities; onClose: () => void };

/** The bucket page's way in (loaded on first use): the dialog of a share or upload-link request. */
export function ShareDialogs({ request, links, onClose }: ShareDialogsProps) {
  return request.kind === 'download' ? (
    <ShareDialog bucket={request.bucket} objectKey={request.key} links={links} onClose={onClose} />
  ) : (
    <UploadLinkDialog
      bucket={request.bucket}
      prefix={request.prefix}
      links={links}
      onClose={onClose}
    />
  );
}
