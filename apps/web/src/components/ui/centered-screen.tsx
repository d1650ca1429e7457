import type { ReactNode } from 'react';
import styles from './centered-screen.module.css';

/** The whole window, its content centred: the sign-in card, the session's loading and errors. */
export function CenteredScreen({
  main = false,
  children,
}: {
  main?: boolean;
  children: ReactNode;
}) {
  const Element = main ? 'main' : 'div';
  return <Element className={styles.screen}>{children}</Element>;
}
