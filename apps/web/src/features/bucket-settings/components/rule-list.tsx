import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { NotSet } from './setting-section';
import styles from './settings.module.css';

/** One rule's row: its name (for "Edit …", "Remove …"), the row header and the other cells. */
export type RuleRow = {
  name: string;
  header: ReactNode;
  /** The `<td>` cells after the header. */
  cells: ReactNode;
  /** The form can edit it; otherwise "Edit in JSON". */
  editable?: boolean;
};

/** The rule being edited: index null for a new one. */
export type RuleEdit<R> = { index: number | null; rule: R | undefined };

type RuleListProps<R extends { ID?: string | undefined }> = {
  rules: readonly R[];
  readOnly: boolean;
  pending: boolean;
  /** "Not set: no CORS rules." */
  emptyText: string;
  /** The table's name ("CORS rules"). */
  label: string;
  /** The column headers, the row header's first. */
  columns: readonly string[];
  row: (rule: R, index: number) => RuleRow;
  onRemove: (index: number) => void;
  /** The rule form: `close` once it is saved or cancelled. */
  form: (edit: RuleEdit<R>, close: () => void) => ReactNode;
  addLabel: string;
  /** Before the form of a new rule opens (the last write's message goes). */
  onAdd: () => void;
  /** The section's "Delete …" button, beside Add. */
  deleteButton: ReactNode;
};

/**
 * The rules of a setting as a table, each with Edit and Remove, a form for one rule, and Add /
 * Delete below (lifecycle, CORS).
 */
export function RuleList<R extends { ID?: string | undefined }>(props: RuleListProps<R>) {
  const { rules, readOnly } = props;
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const close = () => {
    setEditing(undefined);
  };
  return (
    <>
      {rules.length === 0 ? <NotSet>{props.emptyText}</NotSet> : null}
      {rules.length > 0 ? (
        <table className={styles.table} aria-label={props.label}>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              {readOnly ? null : (
                <th scope="col">
                  <span className="sr-only">Edit</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => {
              const row = props.row(rule, index);
              return (
                <tr key={`${String(index)}-${rule.ID ?? ''}`}>
                  <th scope="row" className={styles.mono}>
                    {row.header}
                  </th>
                  {row.cells}
                  {readOnly ? null : (
                    <td className={styles.rowButtons}>
                      {row.editable === false ? (
                        <span className={styles.note}>Edit in JSON</span>
                      ) : (
                        <Button
                          size="sm"
                          aria-label={`Edit ${row.name}`}
                          onClick={() => {
                            setEditing(index);
                          }}
                        >
                          Edit
                        </Button>
                      )}
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Remove ${row.name}`}
                        disabled={props.pending}
                        onClick={() => {
                          props.onRemove(index);
                        }}
                      >
                        Remove
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {!readOnly && editing !== undefined
        ? props.form({ index: editing, rule: editing === null ? undefined : rules[editing] }, close)
        : null}
      {!readOnly && editing === undefined ? (
        <ButtonRow>
          {props.deleteButton}
          <Button
            variant="primary"
            onClick={() => {
              props.onAdd();
              setEditing(null);
            }}
          >
            {props.addLabel}
          </Button>
        </ButtonRow>
      ) : null}
    </>
  );
}
