import { useId, useRef, type ReactNode } from 'react';
import clsx from 'clsx';
import styles from './tabs.module.css';

type TabsProps<T extends string> = {
  label: string;
  tabs: readonly { id: T; label: string }[];
  selected: T;
  onSelect: (id: T) => void;
  children: ReactNode;
  /** The panel's own layout instead of the default column with gaps. */
  panelClassName?: string;
};

/** WAI-ARIA tabs (arrow keys move between them); only the selected panel is rendered. */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
  panelClassName,
}: TabsProps<T>) {
  const baseId = useId();
  const list = useRef<HTMLDivElement>(null);
  const move = (step: number) => {
    const index = tabs.findIndex((t) => t.id === selected);
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    list.current?.querySelector<HTMLButtonElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  return (
    <div>
      <div
        ref={list}
        role="tablist"
        aria-label={label}
        className={styles.tabList}
        onKeyDown={(event) => {
          if (event.key === 'ArrowRight') move(1);
          else if (event.key === 'ArrowLeft') move(-1);
        }}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            data-tab={tab.id}
            id={`${baseId}-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className={clsx(styles.tab, tab.id === selected && styles.tabSelected)}
            onClick={() => {
              onSelect(tab.id);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-${selected}`}
        className={panelClassName ?? styles.tabPanel}
      >
        {children}
      </div>
    </div>
  );
}
