import { useLayoutEffect, type RefObject } from 'react';

/**
 * Keeps `--grid-scrollbar-width` on a scrolling element's parent: the width of its vertical
 * scroll bar (0px while it has none, or where scroll bars overlay the content), as it comes
 * and goes. An object grid's header keeps that much clear (object-grid.module.css).
 */
export function useScrollbarWidth(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Called once at the start, then whenever its content box narrows or widens (a scroll bar).
    const observer = new ResizeObserver(() => {
      element.parentElement?.style.setProperty(
        '--grid-scrollbar-width',
        `${String(element.offsetWidth - element.clientWidth)}px`,
      );
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
}
