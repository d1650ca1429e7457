import type { UsageResult } from '@stowage/shared';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatBytes, formatCount } from '@/utils/format';
import type { SizeState } from '../hooks/use-bucket-size';

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "12 objects (3.4 MB)", then the versions and unfinished uploads that go with them. */
function summary(usage: UsageResult): string[] {
  const lines = [`${plural(usage.objects, 'object', 'objects')} (${formatBytes(usage.bytes)})`];
  if (usage.noncurrent) {
    lines.push(
      `${plural(usage.noncurrent.count, 'noncurrent version or delete marker', 'noncurrent versions and delete markers')} (${formatBytes(usage.noncurrent.bytes)})`,
    );
  }
  const { uploads } = usage;
  if (uploads && uploads.count > 0) {
    lines.push(
      `${plural(uploads.count, 'unfinished upload', 'unfinished uploads')} (${formatBytes(uploads.bytes)})`,
    );
  }
  return lines;
}

/** What the bucket holds, as the empty-bucket confirmation shows it (counted live). */
export function BucketSize({ state }: { state: SizeState }) {
  if (state.phase === 'counting') {
    return (
      <Spinner
        inline
        label={
          state.progress
            ? `Counting… ${plural(state.progress.objects, 'object', 'objects')} (${formatBytes(state.progress.bytes)}) so far`
            : 'Counting what it holds…'
        }
      />
    );
  }
  if (state.phase === 'failed') {
    return <p className="muted">Could not count what it holds: {errorMessage(state.error)}</p>;
  }
  return (
    <ul aria-label="What the bucket holds">
      {summary(state.usage).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
