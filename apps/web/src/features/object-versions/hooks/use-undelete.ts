import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { UndeleteOutcome } from '../api/undelete-object';

/**
 * Undelete (a deleted row's, or a selection's): loaded on first use, as the zip download is.
 * The note says how it went, until dismissed or the next undelete.
 */
export function useUndelete(bucket: string) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState<UndeleteOutcome | null>(null);
  const onUndelete = useCallback(
    (keys: readonly string[]) => {
      setNote(null);
      void import('../api/undelete-object')
        .then(({ undeleteKeys }) => undeleteKeys(queryClient, bucket, keys))
        .catch(() => ({ error: true, text: 'The undelete could not start: reload the page.' }))
        .then(setNote);
    },
    [queryClient, bucket],
  );
  const dismissNote = useCallback(() => {
    setNote(null);
  }, []);
  return { note, dismissNote, onUndelete };
}
