import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import type { UsageProgress } from '@/lib/bucket-usage';
import { formatBytes, formatCount } from '@/utils/format';
import { useUsage } from '../hooks/use-usage';
import { UsageSummary } from './usage-summary';
import styles from './usage.module.css';

function counted(p: UsageProgress | null): string {
  if (!p) return 'nothing yet';
  return `${formatCount(p.objects)} ${p.objects === 1 ? 'object' : 'objects'} · ${formatBytes(p.bytes)}`;
}

/**
 * What a bucket (or a folder of it) holds: a streamed walk with live counts and Stop, then
 * objects, bytes, unfinished uploads, noncurrent versions and the largest objects.
 */
export function UsagePanel({ bucket, prefix }: { bucket: string; prefix: string }) {
  const { state, stop, restart } = useUsage(bucket, prefix);
  return (
    <section aria-label="Usage" className={styles.panel}>
      {state.phase === 'running' ? (
        <div className={styles.live}>
          <Spinner inline label={`Counting… ${counted(state.progress)}`} />
          <Button onClick={stop}>Stop</Button>
        </div>
      ) : (
        <div className={styles.live}>
          {state.phase === 'stopped' ? (
            <p role="status">Stopped after {counted(state.progress)}: the totals are partial.</p>
          ) : null}
          <Button onClick={restart}>Count again</Button>
        </div>
      )}
      {state.phase === 'failed' ? (
        <Banner title="Could not count the usage.">{errorMessage(state.error)}</Banner>
      ) : null}
      {state.phase === 'done' ? (
        <>
          {state.usage.error ? (
            <Banner tone="warning" title="The walk stopped early: the totals are partial.">
              {state.usage.error.message} ({state.usage.error.code})
            </Banner>
          ) : state.usage.cancelled ? (
            <p role="status">The walk stopped early: the totals are partial.</p>
          ) : null}
          <UsageSummary bucket={bucket} usage={state.usage} />
        </>
      ) : null}
    </section>
  );
}
