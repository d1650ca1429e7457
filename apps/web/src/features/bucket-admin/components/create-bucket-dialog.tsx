import { useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  type CreateBucketBody,
  type CreateBucketInput,
  type CreateBucketResponse,
} from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import formStyles from '@/components/form/form.module.css';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/api-client';
import { useCreateBucket } from '../api/create-bucket';
import { createBucketSchema } from '../utils/create-schema';
import styles from './bucket-admin.module.css';

type CreateBucketDialogProps = {
  /** The names this profile may create (its allowlist), or null: any name. */
  allowlist: readonly string[] | null;
  onClose: () => void;
  onCreated: (bucket: CreateBucketResponse) => void;
};

/**
 * "Create bucket": the name checked against S3's naming rules as it is typed (each rule says
 * what it wants), an optional region, versioning, and object lock (chosen now or never).
 */
export function CreateBucketDialog({ allowlist, onClose, onCreated }: CreateBucketDialogProps) {
  const schema = useMemo(() => createBucketSchema(allowlist), [allowlist]);
  const form = useForm<CreateBucketInput, unknown, CreateBucketBody>({
    resolver: zodResolver(schema),
    mode: 'onChange',
    defaultValues: { name: '', versioning: false, objectLock: false },
  });
  const create = useCreateBucket();
  const listId = useId();
  const { errors } = form.formState;
  const lock = form.register('objectLock');

  const onSubmit = form.handleSubmit(async (body) => {
    await create.mutateAsync(body).then(onCreated, () => undefined); // errors shown below
  });

  return (
    <Dialog title="Create bucket" onClose={onClose} dismissible={!create.isPending} wide>
      <form
        noValidate
        aria-label="Create bucket"
        className={formStyles.form}
        onSubmit={(event) => void onSubmit(event)}
      >
        {create.error ? (
          <Banner title="The bucket was not created.">{errorMessage(create.error)}</Banner>
        ) : null}
        <TextField
          label="Bucket name"
          hint="3-63 lower-case letters, digits, dots and hyphens; unique on the store."
          error={errors.name?.message}
          autoFocus
          list={allowlist ? listId : undefined}
          {...form.register('name')}
        />
        {allowlist ? (
          <datalist id={listId}>
            {allowlist.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        ) : null}
        <TextField
          label="Region (optional)"
          hint="The location constraint, where the store needs one; empty: the store's default."
          error={errors.region?.message}
          {...form.register('region', { setValueAs: (v: string) => (v === '' ? undefined : v) })}
        />
        <fieldset className={formStyles.group}>
          <legend className={formStyles.label}>Options</legend>
          <label className={styles.check}>
            <input type="checkbox" {...form.register('versioning')} />
            <span>
              Versioning
              <span className={styles.note}>
                Keeps every version of an object; deletes leave a delete marker.
              </span>
            </span>
          </label>
          <label className={styles.check}>
            <input
              type="checkbox"
              {...lock}
              onChange={(event) => {
                void lock.onChange(event);
                // Object lock needs versioning: the form shows what the bucket will have.
                if (event.target.checked) form.setValue('versioning', true);
              }}
            />
            <span>
              Object lock
              <span className={styles.note}>
                Only at creation, and it turns versioning on. Not every store supports it: the store
                then refuses the bucket, and says so.
              </span>
            </span>
          </label>
        </fieldset>
        <DialogActions>
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create bucket'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
