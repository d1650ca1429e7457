import clsx from 'clsx';
import { VisibleKey } from '@/components/ui/visible-key';
import styles from './name-value-table.module.css';

type NameValueTableProps = {
  label: string;
  nameHeader: string;
  rows: readonly (readonly [string, string])[];
  emptyText: string;
};

/** A two-column table for user metadata and tags; names and values shown as text, hidden characters visible. */
export function NameValueTable({ label, nameHeader, rows, emptyText }: NameValueTableProps) {
  if (rows.length === 0) return <p className={clsx('muted', styles.empty)}>{emptyText}</p>;
  return (
    <table className={styles.table} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value], index) => (
          <tr key={`${String(index)}:${name}`}>
            <td>
              <VisibleKey text={name} />
            </td>
            <td>
              {value === '' ? <span className="muted">(empty)</span> : <VisibleKey text={value} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
