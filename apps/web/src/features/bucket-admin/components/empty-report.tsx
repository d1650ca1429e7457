import type { EmptyBucketResult } from '@stowage/shared';
import { KeyErrors, WorkSummary } from '@/components/ui/work-result';
import { formatCount } from '@/utils/format';

/** "Deleted 12 objects, versions and delete markers; aborted 1 unfinished upload", then errors. */
export function EmptyReport({ result }: { result: EmptyBucketResult }) {
  const { deleted, uploadsAborted, errors, cancelled } = result;
  const parts = [`Deleted ${formatCount(deleted)} ${deleted === 1 ? 'entry' : 'entries'}`];
  if (uploadsAborted > 0) {
    parts.push(
      `aborted ${formatCount(uploadsAborted)} unfinished ${uploadsAborted === 1 ? 'upload' : 'uploads'}`,
    );
  }
  if (cancelled) parts.push('then stopped');
  return (
    <>
      <WorkSummary>{parts.join(', ')}.</WorkSummary>
      <KeyErrors
        errors={errors}
        heading={`${formatCount(errors.length)} could not be deleted; the bucket is not empty:`}
      />
    </>
  );
}
