import { useState } from 'react';
import { TextField } from '@/components/form/text-field';
import { Button } from '@/components/ui/button';
import { DialogActions } from '@/components/ui/dialog';
import { useBucketSize } from '../hooks/use-bucket-size';
import { BucketSize } from './bucket-size';

type EmptyConfirmProps = {
  bucket: string;
  /** The API's answer to the delete ("… holds 12 objects"). */
  reason: string;
  /** The name was typed already (to delete the bucket): not asked again. */
  confirmed?: boolean;
  onEmpty: (confirm: string) => void;
  onCancel: () => void;
};

/**
 * The bucket is not empty: what it holds (counted), what emptying removes, and the bucket's
 * name typed again before "Empty bucket" is enabled (unless `confirmed`: typed already).
 */
export function EmptyConfirm(props: EmptyConfirmProps) {
  const { bucket, reason, confirmed = false, onEmpty, onCancel } = props;
  const size = useBucketSize(bucket);
  const [typed, setTyped] = useState(confirmed ? bucket : '');
  const versioned = size.phase === 'done' && size.usage.noncurrent !== null;
  return (
    <form
      noValidate
      aria-label="Empty bucket"
      onSubmit={(event) => {
        event.preventDefault();
        if (typed === bucket) onEmpty(typed);
      }}
    >
      <p>{reason}.</p>
      <BucketSize state={size} />
      <p>
        Emptying deletes every object for good
        {versioned
          ? ', and as this bucket is versioned, every version and delete marker too'
          : ' (on a versioned bucket, every version and delete marker too)'}
        , and aborts its unfinished uploads.
      </p>
      {confirmed ? null : (
        <TextField
          label={`Type ${bucket} to confirm`}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
          autoFocus
        />
      )}
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={typed !== bucket} autoFocus={confirmed}>
          Empty bucket
        </Button>
      </DialogActions>
    </form>
  );
}
