import { lazy, Suspense, useEffect, useState } from 'react';
import { onShowWorkPanel } from '../work/work-reveal';

// Loaded with the first background delete (the dialog starts it).
const WorkPanel = lazy(() => import('./work-panel').then((m) => ({ default: m.WorkPanel })));

/** Where the background work panel appears, once there is work; it sits above the router. */
export function WorkSlot() {
  const [shown, setShown] = useState(false);
  useEffect(
    () =>
      onShowWorkPanel(() => {
        setShown(true);
      }),
    [],
  );
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <WorkPanel />
    </Suspense>
  );
}
