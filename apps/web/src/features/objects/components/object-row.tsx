import type { CSSProperties } from 'react';
import { Link } from '@tanstack/react-router';
import { keyBasename } from '@stowage/shared';
import { FileIcon, FolderIcon, TrashIcon } from '@/components/ui/icons';
import { formatBytes, formatDate, formatExactBytes } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import { visibleKey } from '@/utils/visible-key';
import type { ListingEntry } from '../utils/listing-entries';

type ObjectRowProps = {
  bucket: string;
  prefix: string;
  entry: ListingEntry;
  index: number;
  selected: boolean;
  checked: boolean;
  /** Absent when rows cannot be checked (read-only). */
  onCheck: ((key: string, checked: boolean, range: boolean) => void) | undefined;
  onDeleteFolder: ((prefix: string) => void) | undefined;
  style: CSSProperties;
};

/** One listing row. Its accessible name is the visible name; the name link covers the whole row. */
export function ObjectRow(props: ObjectRowProps) {
  const { bucket, prefix, entry, index, selected, checked, style } = props;
  const basename = keyBasename(entry.key, prefix);
  // A key equal to the prefix is the "folder marker" object some tools create.
  const name = basename === '' ? '(folder marker)' : visibleKey(basename);
  const isFolder = entry.kind === 'folder';
  const classes = [
    'grid-row',
    selected ? 'grid-row--selected' : '',
    checked ? 'grid-row--checked' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={name}
      data-index={index}
      className={classes}
      style={style}
    >
      <div role="gridcell" className="cell-check">
        {isFolder || !props.onCheck ? null : (
          <input
            type="checkbox"
            className="row-check"
            aria-label={`Select ${name}`}
            checked={checked}
            onChange={(event) => {
              // React reports a checkbox's change from its click event, which has the shift key.
              const native = event.nativeEvent as Partial<MouseEvent>;
              props.onCheck?.(entry.key, event.target.checked, native.shiftKey === true);
            }}
          />
        )}
      </div>
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
            <span className="row-link__text">
              {basename === '' ? name : <VisibleKey text={basename} />}
            </span>
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
            <span className="row-link__text">
              {basename === '' ? name : <VisibleKey text={basename} />}
            </span>
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
      <div role="gridcell" className="cell-actions">
        {isFolder && props.onDeleteFolder ? (
          <button
            type="button"
            className="row-action"
            aria-label={`Delete folder ${name}`}
            title={`Delete folder ${name}`}
            onClick={() => props.onDeleteFolder?.(entry.key)}
          >
            <TrashIcon />
          </button>
        ) : null}
      </div>
    </div>
  );
}
