import type { ReactNode } from 'react';
import styles from './button-row.module.css';

/** The row of buttons that ends a dialog or a form (Cancel, Save, Delete…). */
export function ButtonRow({ children }: { children: ReactNode }) {
  return <div className={styles.row}>{children}</div>;
}
