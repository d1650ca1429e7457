type SpinnerProps = { label?: string; inline?: boolean };

/**
 * An indeterminate progress indicator with a visible label. It is a progressbar, not a
 * status, so that `role="status"` stays unique to each page's status line.
 */
export function Spinner({ label = 'Loading…', inline = false }: SpinnerProps) {
  return (
    <div
      className={inline ? 'spinner spinner--inline' : 'spinner'}
      role="progressbar"
      aria-label={label}
    >
      <span className="spinner__circle" aria-hidden="true" />
      <span className="spinner__label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}
