import { useState } from 'react';
import { applyTheme, readTheme, type Theme } from '@/lib/theme';
import styles from './theme-select.module.css';

/** The header's light / dark / system choice, kept in this browser. */
export function ThemeSelect() {
  const [theme, setTheme] = useState<Theme>(readTheme);
  return (
    <select
      className={styles.select}
      aria-label="Theme"
      value={theme}
      onChange={(event) => {
        const next = event.target.value as Theme;
        applyTheme(next);
        setTheme(next);
      }}
    >
      <option value="system">System theme</option>
      <option value="light">Light theme</option>
      <option value="dark">Dark theme</option>
    </select>
  );
}
