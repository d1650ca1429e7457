import type { CSSProperties } from 'react';
import { Link } from '@tanstack/react-router';
import { keyBasename } from '@stowage/shared';
import { FileIcon, FolderIcon } from '@/components/ui/icons';
import { formatBytes, formatDate, formatExactBytes } from '@/utils/format';
import { visibleKey } from '@/utils/visible-key';
import type { ListingEntry } from '../utils/listing-entries';

type ObjectRowProps = {
  bucket: string;
  prefix: string;
  entry: ListingEntry;
  index: number;
  selected: boolean;
  style: CSSProperties;
};

/** One listing row. Its accessible name is the visible name; the name link covers the whole row. */
export function ObjectRow({ bucket, prefix, entry, index, selected, style }: ObjectRowProps) {
  const basename = keyBasename(entry.key, prefix);
  // A key equal to the prefix is the "folder marker" object some tools create.
  const name = basename === '' ? '(folder marker)' : visibleKey(basename);
  const isFolder = entry.kind === 'folder';

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={name}
      data-index={index}
      className={`grid-row${selected ? ' grid-row--selected' : ''}`}
      style={style}
    >
      <div role="gridcell" className="cell-name">
        {isFolder ? (
          <Link
            to="/b/$bucket"
            params={{ bucket }}
            search={{ prefix: entry.key }}
            className="row-link"
            title={name}
          >
            <FolderIcon className="icon icon--folder" />
            <span className="row-link__text">{name}</span>
          </Link>
        ) : (
          <Link
            to="/b/$bucket"
            params={{ bucket }}
            search={{ prefix, key: entry.key }}
            replace
            aria-current={selected ? 'true' : undefined}
            className={`row-link${basename === '' ? ' row-link--marker' : ''}`}
            title={name}
          >
            <FileIcon className="icon icon--file" />
            <span className="row-link__text">{name}</span>
          </Link>
        )}
      </div>
      <div role="gridcell" className="cell-size">
        {entry.kind === 'object' ? (
          <span title={formatExactBytes(entry.size)}>{formatBytes(entry.size)}</span>
        ) : null}
      </div>
      <div role="gridcell" className="cell-date">
        {entry.kind === 'object' ? formatDate(entry.lastModified) : null}
      </div>
    </div>
  );
}
