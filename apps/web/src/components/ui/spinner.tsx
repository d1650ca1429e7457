type SpinnerProps = { label?: string; inline?: boolean };

/** A small spinner with a text label that assistive tech reads out. */
export function Spinner({ label = 'Loading…', inline = false }: SpinnerProps) {
  return (
    <div className={inline ? 'spinner spinner--inline' : 'spinner'} role="status" aria-live="polite">
      <span className="spinner__circle" aria-hidden="true" />
      <span className="spinner__label">{label}</span>
    </div>
  );
}
