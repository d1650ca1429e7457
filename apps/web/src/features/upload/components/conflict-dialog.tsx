import { ConflictDialog as ConflictQuestion } from '@/components/ui/conflict-dialog';
import { formatCount } from '@/utils/format';
import type { PendingConflict } from '../hooks/use-upload-batch';

/** Asked once per batch when some of its keys exist: overwrite, skip or keep both. */
export function ConflictDialog({ conflict }: { conflict: PendingConflict }) {
  const { existing, total, resolve } = conflict;
  const count = existing.length;
  const title = count === 1 ? 'A file already exists' : `${formatCount(count)} files already exist`;
  return (
    <ConflictQuestion
      title={title}
      noun="files"
      nounOne="file"
      count={count}
      existing={existing}
      cancelLabel="Cancel upload"
      onChoose={(choice) => {
        resolve(choice === 'keepBoth' ? 'keep-both' : choice);
      }}
    >
      {count === total
        ? `${count === 1 ? 'This object exists' : 'These objects exist'} already.`
        : `${formatCount(count)} of the ${formatCount(total)} files ${count === 1 ? 'exists' : 'exist'} already.`}
    </ConflictQuestion>
  );
}
