import type { FormEvent, ReactNode } from 'react';
import formStyles from '@/components/form/form.module.css';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogActions } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/api-client';

type LinkFormDialogProps = {
  title: string;
  /** The form's accessible name ("Share", "Upload link"). */
  label: string;
  onClose: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  pending: boolean;
  /** The API's refusal of the last try, if any. */
  error: unknown;
  /** A problem of the form as a whole (the schema's `root`), if any. */
  formProblem: string | undefined;
  /** Make link stays off while a field has a problem. */
  blocked: boolean;
  children: ReactNode;
};

/**
 * The frame of the Share and Upload link dialogs: the form, why the link was not made, and
 * Cancel / Make link. Each dialog draws its own fields.
 */
export function LinkFormDialog({
  title,
  label,
  onClose,
  onSubmit,
  pending,
  error,
  formProblem,
  blocked,
  children,
}: LinkFormDialogProps) {
  return (
    <Dialog title={title} onClose={onClose} dismissible={!pending} wide>
      <form
        noValidate
        aria-label={label}
        className={formStyles.form}
        onSubmit={(event) => void onSubmit(event)}
      >
        {error || formProblem ? (
          <Banner title="The link was not made.">
            {error ? errorMessage(error) : formProblem}
          </Banner>
        ) : null}
        {children}
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={pending || blocked}>
            {pending ? 'Making the link…' : 'Make link'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
