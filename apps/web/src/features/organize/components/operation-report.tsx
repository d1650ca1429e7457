import type { CopyResult } from '@stowage/shared';
import { KeyErrors, WorkSummary } from '@/components/ui/work-result';
import { formatCount } from '@/utils/format';

const objects = (n: number) => `${formatCount(n)} ${n === 1 ? 'object' : 'objects'}`;

/** "Copied 12 objects, 2 skipped", then every key that failed with the store's reason. */
export function OperationReport({ result, verb }: { result: CopyResult; verb: string }) {
  const { copied, skipped, errors, cancelled } = result;
  const parts = [`${verb} ${objects(copied)}`];
  if (skipped > 0) parts.push(`${formatCount(skipped)} skipped (the name was taken)`);
  if (cancelled) parts.push('then cancelled');
  return (
    <>
      <WorkSummary>{parts.join(', ')}</WorkSummary>
      <KeyErrors errors={errors} heading={`${objects(errors.length)} failed:`} />
    </>
  );
}
