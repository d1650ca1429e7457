import { useCallback, useMemo, useState } from 'react';
import { folderZipUrl, type LinkAbilities } from '@stowage/shared';
import type { MenuItem } from '@/components/ui/menu';
import type { DeleteTarget } from '@/features/delete-objects/components/delete-dialog';
import { objectContentUrl } from '@/features/object-details/api/object-content-url';
import type { ListingEntry } from '@/features/objects/utils/listing-entries';
import type { OrganizeRequest } from '@/features/organize/organize-request';
import type { ShareRequest } from '@/features/share/share-request';
import { errorMessage } from '@/lib/api-client';
import type { DraggedItems, Items, ItemsAction } from '@/utils/items';

type BucketActionsInput = {
  bucket: string;
  /** The open folder (a filtered listing's folder: up to its last "/"). */
  folder: string;
  readOnly: boolean;
  onDelete: (target: DeleteTarget) => void;
  onOrganize: (request: OrganizeRequest) => void;
  /** What the profile can do with share links (null: signed out, nothing offered). */
  links: LinkAbilities | null;
  onShare: (request: ShareRequest) => void;
  /** Removes the delete markers of deleted keys (Show deleted). */
  onUndelete: (keys: readonly string[]) => void;
};

/** A selection as the delete dialog takes it: objects, one folder, or both kinds. */
function deleteTargetOf({ keys, prefixes }: Items): DeleteTarget {
  const [only] = prefixes;
  if (prefixes.length === 0) return { kind: 'objects', keys: [...keys] };
  if (keys.length === 0 && prefixes.length === 1 && only !== undefined) {
    return { kind: 'folder', prefix: only };
  }
  return { kind: 'items', keys: [...keys], prefixes: [...prefixes] };
}

/**
 * What the listing offers, composed from the features: each row's "More actions" menu, the
 * selection bar's buttons and what a drop of rows does. A read-only session gets the
 * downloads only (a zip is a read).
 */
export function useBucketActions(input: BucketActionsInput) {
  const { bucket, folder, readOnly, onDelete, onOrganize, links, onShare, onUndelete } = input;
  const [zipError, setZipError] = useState<string | null>(null);

  const downloadZip = useCallback(
    (items: Items) => {
      setZipError(null);
      // Loaded on use (with the zip's shared form field).
      void import('@/features/organize/api/zip-download').then(({ downloadSelectionZip }) => {
        downloadSelectionZip(
          bucket,
          { keys: [...items.keys], prefixes: [...items.prefixes] },
          (error) => {
            setZipError(`The zip download failed: ${errorMessage(error)}`);
          },
        );
      });
    },
    [bucket],
  );

  const rowActions = useCallback(
    (entry: ListingEntry): MenuItem[] => {
      const folderRow = entry.kind === 'folder';
      // A deleted key: only Undelete (its versions are in the details panel); a folder of
      // only deleted keys: nothing to copy, move or download.
      if (entry.deleted) {
        return readOnly || folderRow
          ? []
          : [{ label: 'Undelete', onSelect: () => onUndelete([entry.key]) }];
      }
      const items: Items = folderRow
        ? { keys: [], prefixes: [entry.key] }
        : { keys: [entry.key], prefixes: [] };
      const download: MenuItem = folderRow
        ? { label: 'Download as zip', href: folderZipUrl(bucket, entry.key), download: true }
        : { label: 'Download', href: objectContentUrl(bucket, entry.key, { download: true }) };
      // The folder marker (an object named like its folder): renaming it would rename the folder.
      const marker = !folderRow && entry.key.endsWith('/');
      // A download link to an object (read-only profiles too); an upload link into a folder.
      const share: MenuItem[] = [];
      if (links && folderRow && links.upload) {
        share.push({
          label: 'Upload link…',
          onSelect: () => onShare({ kind: 'upload', bucket, prefix: entry.key }),
        });
      } else if (links && !folderRow && !marker) {
        share.push({
          label: 'Share…',
          onSelect: () => onShare({ kind: 'download', bucket, key: entry.key }),
        });
      }
      if (readOnly) return [download, ...share];
      return [
        {
          label: 'Copy to…',
          onSelect: () => onOrganize({ kind: 'copy', bucket, from: folder, items }),
        },
        {
          label: 'Move to…',
          onSelect: () => onOrganize({ kind: 'move', bucket, from: folder, items }),
        },
        ...(marker
          ? []
          : [
              {
                label: 'Rename',
                onSelect: () => onOrganize({ kind: 'rename', bucket, key: entry.key }),
              },
            ]),
        download,
        ...share,
        { label: 'Delete', danger: true, onSelect: () => onDelete(deleteTargetOf(items)) },
      ];
    },
    [bucket, folder, readOnly, onDelete, onOrganize, links, onShare, onUndelete],
  );

  const selectionActions = useMemo((): ItemsAction[] => {
    const zip: ItemsAction = { label: 'Download as zip', onSelect: downloadZip };
    if (readOnly) return [zip];
    return [
      {
        label: 'Copy to…',
        onSelect: (items) => onOrganize({ kind: 'copy', bucket, from: folder, items }),
      },
      {
        label: 'Move to…',
        onSelect: (items) => onOrganize({ kind: 'move', bucket, from: folder, items }),
      },
      zip,
      { label: 'Delete', danger: true, onSelect: (items) => onDelete(deleteTargetOf(items)) },
      // Offered only for a selection of deleted keys (Show deleted).
      { label: 'Undelete', forDeleted: true, onSelect: (items) => onUndelete(items.keys) },
    ];
  }, [bucket, folder, readOnly, onDelete, onOrganize, downloadZip, onUndelete]);

  const onDropItems = useCallback(
    (items: DraggedItems, to: string) => {
      onOrganize({ kind: 'drop', bucket, from: items.from, items, to });
    },
    [bucket, onOrganize],
  );

  return {
    rowActions,
    selectionActions,
    onDropItems: readOnly ? undefined : onDropItems,
    zipError,
    dismissZipError: () => {
      setZipError(null);
    },
  };
}
