import { useId } from 'react';
import { FieldError } from '@/components/form/field-error';
import formStyles from '@/components/form/form.module.css';
import { Input } from '@/components/ui/input';
import { EXPIRY_PRESETS, formatDuration, toLocalInput, type ExpiryChoice } from '../utils/expiry';
import styles from './share.module.css';

type ExpiryFieldProps = {
  choice: ExpiryChoice;
  onChange: (choice: ExpiryChoice) => void;
  /** The longest link of the chosen kind, in seconds. */
  max: number;
  error: string | undefined;
};

/** "Expires after": 1 hour, 1 day, 7 days, or a date and time. */
export function ExpiryField({ choice, onChange, max, error }: ExpiryFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={formStyles.group} aria-describedby={error ? errorId : undefined}>
      <legend className={formStyles.label}>Expires after</legend>
      <div className={styles.presets}>
        {EXPIRY_PRESETS.map((preset) => (
          <label key={preset.id} className={styles.choice}>
            <input
              type="radio"
              name={`${id}-expiry`}
              checked={choice.kind === 'preset' && choice.preset === preset.id}
              onChange={() => {
                onChange({ kind: 'preset', preset: preset.id });
              }}
            />
            <span>{preset.label}</span>
          </label>
        ))}
        <label className={styles.choice}>
          <input
            type="radio"
            name={`${id}-expiry`}
            checked={choice.kind === 'custom'}
            onChange={() => {
              // A day from now, to change from.
              onChange({ kind: 'custom', local: toLocalInput(new Date(Date.now() + 86400_000)) });
            }}
          />
          <span>A date</span>
        </label>
      </div>
      {choice.kind === 'custom' ? (
        <Input
          type="datetime-local"
          aria-label="Expiry date and time"
          value={choice.local}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            onChange({ kind: 'custom', local: event.target.value });
          }}
        />
      ) : null}
      <p className={formStyles.hint}>At most {formatDuration(max)} for this kind of link.</p>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
