import { TextField } from '@/components/form/text-field';
import { Select } from '@/components/ui/input';
import { SIZE_UNITS, type SizeUnit } from '../utils/size-units';
import styles from './share.module.css';

type SizeLimitFieldProps = {
  label: string;
  hint: string;
  value: string;
  unit: SizeUnit;
  error: string | undefined;
  onChange: (value: string, unit: SizeUnit) => void;
};

/** A size limit: a number and its unit (MB, GB); empty is no limit. */
export function SizeLimitField({ label, hint, value, unit, error, onChange }: SizeLimitFieldProps) {
  return (
    <div className={styles.limit}>
      <TextField
        label={label}
        hint={hint}
        inputMode="decimal"
        placeholder="No limit"
        value={value}
        error={error}
        onChange={(event) => {
          onChange(event.target.value, unit);
        }}
      />
      <Select
        aria-label={`${label} unit`}
        className={styles.unit}
        value={unit}
        onChange={(event) => {
          onChange(value, event.target.value as SizeUnit);
        }}
      >
        {Object.keys(SIZE_UNITS).map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </div>
  );
}
