import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import clsx from 'clsx';
import styles from './menu.module.css';

/** One entry of a menu: an action, or a link (a download). */
export type MenuItem =
  | { label: string; onSelect: () => void; danger?: boolean }
  | { label: string; href: string; download?: boolean };

type MenuButtonProps = {
  /** The button's accessible name ("More actions for a.txt"), also the menu's. */
  label: string;
  items: readonly MenuItem[];
  /** The button's content (an icon); its name stays `label`. */
  children: ReactNode;
  className?: string;
};

/** Between the button and the menu, in px. */
const GAP = 4;

/**
 * A button that opens a menu (WAI-ARIA menu button pattern) on the native Popover API: the
 * browser puts the menu in the top layer (above virtualized rows and their transforms),
 * closes it on a click elsewhere or Escape, and gives the focus back to the button. The
 * menu's items exist only while it is open, so a long listing carries one empty element per
 * row. Arrow keys, Home and End move between items; Tab closes.
 */
export function MenuButton({ label, items, children, className }: MenuButtonProps) {
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const onBeforeToggle = (event: Event) => {
      if ((event as ToggleEvent).newState === 'open') place(menu, buttonRef.current);
    };
    const onToggle = (event: Event) => {
      setOpen((event as ToggleEvent).newState === 'open');
    };
    menu.addEventListener('beforetoggle', onBeforeToggle);
    menu.addEventListener('toggle', onToggle);
    return () => {
      menu.removeEventListener('beforetoggle', onBeforeToggle);
      menu.removeEventListener('toggle', onToggle);
    };
  }, []);

  // Opened (by click, Enter or Space): the first item takes the focus.
  useEffect(() => {
    if (open) menuItems(menuRef.current)[0]?.focus();
  }, [open]);

  const close = () => {
    if (menuRef.current?.matches(':popover-open')) menuRef.current.hidePopover();
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = menuItems(menuRef.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      // The keys are the menu's: not the listing's (its arrows move between rows).
      event.stopPropagation();
      all[(index + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Tab') close();
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        popoverTarget={menuId}
      >
        {children}
      </button>
      <div
        ref={menuRef}
        id={menuId}
        popover="auto"
        role="menu"
        aria-label={label}
        className={styles.menu}
        onKeyDown={onKeyDown}
      >
        {open
          ? items.map((item) =>
              'href' in item ? (
                <a
                  key={item.label}
                  role="menuitem"
                  tabIndex={-1}
                  className={styles.item}
                  href={item.href}
                  download={item.download ? '' : undefined}
                  onClick={close}
                >
                  {item.label}
                </a>
              ) : (
                <button
                  key={item.label}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={clsx(styles.item, item.danger && styles.danger)}
                  onClick={() => {
                    close();
                    item.onSelect();
                  }}
                >
                  {item.label}
                </button>
              ),
            )
          : null}
      </div>
    </>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : [];
}

/** Under the button, its right edges aligned; above it when the viewport's bottom is near. */
function place(menu: HTMLElement, button: HTMLElement | null) {
  if (!button) return;
  const rect = button.getBoundingClientRect();
  const below = window.innerHeight - rect.bottom;
  menu.style.right = `${String(Math.max(0, window.innerWidth - rect.right))}px`;
  if (below < 220 && rect.top > below) {
    menu.style.top = 'auto';
    menu.style.bottom = `${String(window.innerHeight - rect.top + GAP)}px`;
  } else {
    menu.style.bottom = 'auto';
    menu.style.top = `${String(rect.bottom + GAP)}px`;
  }
}
