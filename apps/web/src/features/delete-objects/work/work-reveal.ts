/** How the background work panel (work-slot.tsx) is shown from anywhere: set while it is mounted. */
let reveal: (() => void) | null = null;

/** Shows the background work panel (called when a delete starts in the background). */
export function showWorkPanel() {
  reveal?.();
}

export function onShowWorkPanel(show: () => void): () => void {
  reveal = show;
  return () => {
    if (reveal === show) reveal = null;
  };
}
