import { useId } from 'react';
import clsx from 'clsx';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { CloseIcon } from '@/components/ui/icons';
import { Input } from '@/components/ui/input';
import { FieldError } from './field-error';
import formStyles from './form.module.css';
import styles from './name-value-rows.module.css';

type Part = 'name' | 'value';

type NameValueRowsProps = {
  legend: string;
  /** "Metadata name" / "Tag key": with the row number, the accessible name of each input. */
  nameLabel: string;
  valueLabel: string;
  /** Shown in empty inputs, as the rows have no column headers. */
  namePlaceholder: string;
  valuePlaceholder?: string;
  rows: readonly { id: string }[];
  register: (index: number, part: Part) => UseFormRegisterReturn;
  errorOf: (index: number, part: Part) => string | undefined;
  /** A problem of the rows as a whole (too many, too large). */
  rootError?: string | undefined;
  addLabel: string;
  canAdd?: boolean;
  emptyText: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
};

/** Editable name/value rows (user metadata, tags) for a react-hook-form field array. */
export function NameValueRows(props: NameValueRowsProps) {
  const { rows, register, errorOf, nameLabel, valueLabel } = props;
  const baseId = useId();
  const rootErrorId = `${baseId}-root`;
  return (
    <fieldset
      className={formStyles.group}
      aria-describedby={props.rootError ? rootErrorId : undefined}
    >
      <legend className={formStyles.label}>{props.legend}</legend>
      {rows.length === 0 ? <p className={clsx('muted', styles.empty)}>{props.emptyText}</p> : null}
      {rows.map((row, index) => {
        const number = String(index + 1);
        const nameError = errorOf(index, 'name');
        const valueError = errorOf(index, 'value');
        const nameErrorId = `${baseId}-${number}-name`;
        const valueErrorId = `${baseId}-${number}-value`;
        return (
          <div key={row.id} className={styles.row}>
            <Input
              className={styles.name}
              aria-label={`${nameLabel} ${number}`}
              placeholder={props.namePlaceholder}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? nameErrorId : undefined}
              spellCheck={false}
              autoComplete="off"
              {...register(index, 'name')}
            />
            <Input
              aria-label={`${valueLabel} ${number}`}
              placeholder={props.valuePlaceholder ?? 'value'}
              aria-invalid={valueError ? true : undefined}
              aria-describedby={valueError ? valueErrorId : undefined}
              spellCheck={false}
              autoComplete="off"
              {...register(index, 'value')}
            />
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove row ${number}`}
              onClick={() => {
                props.onRemove(index);
              }}
            >
              <CloseIcon />
            </Button>
            <div className={styles.errors}>
              <FieldError id={nameErrorId} message={nameError} />
              <FieldError id={valueErrorId} message={valueError} />
            </div>
          </div>
        );
      })}
      <FieldError id={rootErrorId} message={props.rootError} />
      <Button
        size="sm"
        className={styles.add}
        onClick={props.onAdd}
        disabled={props.canAdd === false}
      >
        {props.addLabel}
      </Button>
    </fieldset>
  );
}
