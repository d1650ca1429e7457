import { useQueries } from '@tanstack/react-query';
import { abortNote } from '@/lib/capability-notes';
import clsx from 'clsx';
import { getBucketCapabilitiesQueryOptions } from '../api/get-bucket-capabilities';
import styles from './abort-notes.module.css';

/** For the transfer panel: what a cancelled upload leaves behind in these buckets' store. */
export function AbortNotes({ buckets }: { buckets: readonly string[] }) {
  const answers = useQueries({ queries: buckets.map(getBucketCapabilitiesQueryOptions) });
  // One note, for whichever bucket lacks it (usually they all share one store).
  const note = answers.map((a) => abortNote(a.data)).find((n) => n !== null);
  if (!note) return null;
  // Plain text, not a live region: the panel's progress line is its one status.
  return (
    <p className={clsx(styles.note, 'muted')}>
      <strong>Cancelling may leave parts behind.</strong> {note}
    </p>
  );
}
