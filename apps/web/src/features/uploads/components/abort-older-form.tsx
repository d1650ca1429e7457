import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { AbortOlderBodySchema, type AbortOlderResponse } from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/api-client';
import { formatCount } from '@/utils/format';
import { useAbortOlder } from '../api/abort-upload';
import styles from './uploads.module.css';

type Days = { days: number };

/** "Abort all older than N days": the number, a confirmation, then what was aborted. */
export function AbortOlderForm({ bucket }: { bucket: string }) {
  const form = useForm<Days>({
    resolver: zodResolver(AbortOlderBodySchema),
    defaultValues: { days: 7 },
  });
  const abort = useAbortOlder(bucket);
  const [asking, setAsking] = useState<number | null>(null);
  const [result, setResult] = useState<AbortOlderResponse | null>(null);

  const close = () => {
    setAsking(null);
    setResult(null);
    abort.reset();
  };

  return (
    <>
      <form
        noValidate
        aria-label="Abort older uploads"
        className={styles.olderForm}
        onSubmit={(event) =>
          void form.handleSubmit(({ days }) => {
            setAsking(days);
          })(event)
        }
      >
        <TextField
          label="Abort all older than (days)"
          type="number"
          inputMode="numeric"
          min={0}
          error={form.formState.errors.days?.message}
          {...form.register('days', { valueAsNumber: true })}
        />
        <Button type="submit">Abort older…</Button>
      </form>
      {asking !== null ? (
        <Dialog
          title={`Abort uploads older than ${formatCount(asking)} days?`}
          onClose={close}
          dismissible={!abort.isPending}
        >
          {result ? (
            <>
              <p role="status">
                Aborted {formatCount(result.aborted)} {result.aborted === 1 ? 'upload' : 'uploads'}.
              </p>
              {result.errors.length > 0 ? (
                <Banner title={`${formatCount(result.errors.length)} not aborted:`}>
                  {result.errors.map((e) => `${e.key}: ${e.message} (${e.code})`).join('; ')}
                </Banner>
              ) : null}
            </>
          ) : (
            <p>
              Every unfinished upload started more than {formatCount(asking)} days ago is aborted
              and its parts deleted.
            </p>
          )}
          {abort.error ? (
            <Banner title="Nothing was aborted.">{errorMessage(abort.error)}</Banner>
          ) : null}
          <DialogActions>
            <Button onClick={close} disabled={abort.isPending}>
              {result ? 'Close' : 'Cancel'}
            </Button>
            {result ? null : (
              <Button
                variant="danger"
                disabled={abort.isPending}
                onClick={() => {
                  abort.mutate(asking, { onSuccess: setResult });
                }}
              >
                {abort.isPending ? 'Aborting…' : 'Abort uploads'}
              </Button>
            )}
          </DialogActions>
        </Dialog>
      ) : null}
    </>
  );
}
