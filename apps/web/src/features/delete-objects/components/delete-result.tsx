import type { DeleteObjectsResponse } from '@stowage/shared';
import { formatCount } from '@/utils/format';
import { KeyErrors, WorkSummary } from '@/components/ui/work-result';

const objects = (n: number) => `${formatCount(n)} ${n === 1 ? 'object' : 'objects'}`;

/** "Deleted 12 objects", and every key the store refused, with its reason. */
export function DeleteResult({ result }: { result: DeleteObjectsResponse }) {
  const { deleted, errors } = result;
  return (
    <>
      <WorkSummary>Deleted {objects(deleted)}</WorkSummary>
      <KeyErrors errors={errors} heading={`${objects(errors.length)} could not be deleted:`} />
    </>
  );
}
