import styles from './progress-bar.module.css';

type ProgressBarProps = {
  done: number;
  total: number;
  /** What the figures say ("3 of 10 objects · 1.2 MB of 5.0 MB"), shown and announced. */
  text: string;
  label?: string;
};

/** A determinate progress bar with its figures under it. */
export function ProgressBar({ done, total, text, label = 'Progress' }: ProgressBarProps) {
  const percent = total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
  return (
    <div className={styles.progress}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className={styles.bar}
      >
        <span className={styles.fill} style={{ width: `${String(percent)}%` }} />
      </div>
      <p className={styles.figures}>{text}</p>
    </div>
  );
}
