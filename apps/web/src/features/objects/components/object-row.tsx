import type { CSSProperties, DragEvent } from 'react';
import { Link } from '@tanstack/react-router';
import clsx from 'clsx';
import { keyBasename } from '@stowage/shared';
import { FileIcon, FolderIcon, MoreIcon, TrashIcon } from '@/components/ui/icons';
import { MenuButton, type MenuItem } from '@/components/ui/menu';
import { formatBytes, formatDate, formatExactBytes } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import { visibleKey } from '@/utils/visible-key';
import type { RowDrag } from '../hooks/use-row-drag';
import type { ListingEntry } from '../utils/listing-entries';
import styles from '@/components/ui/object-grid.module.css';

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
  /** The "More actions" menu's items; none: no menu. */
  actions: readonly MenuItem[];
  /** Rows drag (a move) and folder rows take drops; absent read-only. */
  drag: RowDrag | null;
  style: CSSProperties;
};

/** One listing row. Its accessible name is the visible name; the name link covers the whole row. */
export function ObjectRow(props: ObjectRowProps) {
  const { bucket, prefix, entry, index, selected, checked, style } = props;
  const basename = keyBasename(entry.key, prefix);
  // A key equal to the prefix is the "folder marker" object some tools create.
  const name = basename === '' ? '(folder marker)' : visibleKey(basename);
  const isFolder = entry.kind === 'folder';
  const deleted = entry.deleted === true;
  const { actions } = props;
  // A deleted key cannot be moved (there is nothing current to move).
  const drag = deleted && !isFolder ? null : props.drag;

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={name}
      data-index={index}
      className={clsx(
        styles.row,
        selected && styles.selected,
        checked && styles.checked,
        deleted && styles.deleted,
        drag?.overKey === entry.key && styles.dropTarget,
      )}
      style={style}
      {...(drag
        ? {
            draggable: true,
            onDragStart: (event: DragEvent) => {
              drag.start(entry, event);
            },
            onDragEnd: drag.end,
            ...(isFolder
              ? {
                  onDragEnter: (event: DragEvent) => {
                    drag.over(entry, event);
                  },
                  onDragOver: (event: DragEvent) => {
                    drag.over(entry, event);
                  },
                  onDragLeave: () => {
                    drag.leave(entry);
                  },
                  onDrop: (event: DragEvent) => {
                    drag.drop(entry, event);
                  },
                }
              : {}),
          }
        : {})}
    >
      <div role="gridcell" className={styles.check}>
        {!props.onCheck ? null : (
          <input
            type="checkbox"
            className={styles.checkbox}
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
      <div role="gridcell" className={styles.name}>
        {isFolder ? (
          <Link
            to="/b/$bucket"
            params={{ bucket }}
            search={{ prefix: entry.key }}
            className={styles.link}
            title={name}
          >
            <FolderIcon />
            <span className={styles.linkText}>
              {basename === '' ? name : <VisibleKey text={basename} />}
            </span>
            {deleted ? <DeletedBadge title="Holds only deleted objects" /> : null}
          </Link>
        ) : (
          <Link
            to="/b/$bucket"
            params={{ bucket }}
            search={{ prefix, key: entry.key }}
            replace
            aria-current={selected ? 'true' : undefined}
            className={clsx(styles.link, basename === '' && styles.marker)}
            title={name}
          >
            <FileIcon />
            <span className={styles.linkText}>
              {basename === '' ? name : <VisibleKey text={basename} />}
            </span>
            {deleted ? (
              <DeletedBadge title="Its current version is a delete marker: open it to see its versions" />
            ) : null}
          </Link>
        )}
      </div>
      <div role="gridcell" className={styles.size}>
        {entry.kind === 'object' && !deleted ? (
          <span title={formatExactBytes(entry.size)}>{formatBytes(entry.size)}</span>
        ) : null}
      </div>
      <div role="gridcell" className={styles.date}>
        {entry.kind === 'object' ? formatDate(entry.lastModified) : null}
      </div>
      <div role="gridcell" className={styles.actions}>
        {isFolder && props.onDeleteFolder ? (
          <button
            type="button"
            className={styles.action}
            aria-label={`Delete folder ${name}`}
            title={`Delete folder ${name}`}
            onClick={() => props.onDeleteFolder?.(entry.key)}
          >
            <TrashIcon />
          </button>
        ) : null}
        {actions.length > 0 ? (
          <MenuButton
            label={`More actions for ${name}`}
            items={actions}
            className={clsx(styles.action, styles.menuButton)}
          >
            <MoreIcon />
          </MenuButton>
        ) : null}
      </div>
    </div>
  );
}

/** "Deleted" beside the name of a deleted key or a folder of only deleted keys. */
function DeletedBadge({ title }: { title: string }) {
  return (
    <span className={styles.deletedBadge} title={title}>
      Deleted
    </span>
  );
}
