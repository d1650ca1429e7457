import styles from './logo.module.css';

/** Stowage's mark, beside its name (decorative). */
export function Logo() {
  return <span className={styles.logo} aria-hidden="true" />;
}
