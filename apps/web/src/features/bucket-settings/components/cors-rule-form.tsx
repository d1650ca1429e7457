import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { CORS_METHODS } from '@stowage/shared';
import { FieldError } from '@/components/form/field-error';
import { FormActions } from '@/components/form/form-actions';
import { TextField } from '@/components/form/text-field';
import { TextArea } from '@/components/ui/input';
import formStyles from '@/components/form/form.module.css';
import { CorsFormSchema, type CorsFormValues } from '../utils/cors-form';
import styles from './settings.module.css';

type CorsRuleFormProps = {
  title: string;
  initial: CorsFormValues;
  pending: boolean;
  onSubmit: (values: CorsFormValues) => void;
  onCancel: () => void;
};

/** One CORS rule: origins, methods, headers and max age. */
export function CorsRuleForm({ title, initial, pending, onSubmit, onCancel }: CorsRuleFormProps) {
  const id = useId();
  const form = useForm<CorsFormValues>({
    resolver: zodResolver(CorsFormSchema),
    defaultValues: initial,
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(onSubmit);
  const area = (
    name: 'origins' | 'allowedHeaders' | 'exposeHeaders',
    label: string,
    hint: string,
  ) => {
    const error = errors[name]?.message;
    return (
      <div className={formStyles.field}>
        <label htmlFor={`${id}-${name}`} className={formStyles.label}>
          {label}
        </label>
        <TextArea
          id={`${id}-${name}`}
          rows={3}
          className={styles.smallArea}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-${name}-hint${error ? ` ${id}-${name}-error` : ''}`}
          {...form.register(name)}
        />
        <p id={`${id}-${name}-hint`} className={formStyles.hint}>
          {hint}
        </p>
        <FieldError id={`${id}-${name}-error`} message={error} />
      </div>
    );
  };
  return (
    <form
      noValidate
      className={`${formStyles.form} ${styles.subForm}`}
      aria-label={title}
      onSubmit={(event) => void submit(event)}
    >
      <h3 className={formStyles.title}>{title}</h3>
      <TextField label="Rule ID" error={errors.id?.message} {...form.register('id')} />
      {area('origins', 'Allowed origins', 'One per line: https://app.example.com, or * for any.')}
      <fieldset
        className={formStyles.group}
        aria-describedby={errors.methods ? `${id}-methods-error` : undefined}
      >
        <legend className={formStyles.label}>Allowed methods</legend>
        <div className={styles.checks}>
          {CORS_METHODS.map((method) => (
            <label key={method} className={styles.check}>
              <input type="checkbox" value={method} {...form.register('methods')} /> {method}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-methods-error`} message={errors.methods?.message} />
      </fieldset>
      {area(
        'allowedHeaders',
        'Allowed headers',
        'Request headers a browser may send, one per line (* for any).',
      )}
      {area(
        'exposeHeaders',
        'Expose headers',
        'Response headers scripts may read, one per line (ETag, …).',
      )}
      <TextField
        label="Max age (seconds)"
        hint="How long a browser may cache the answer to its preflight request."
        inputMode="numeric"
        className={styles.days}
        error={errors.maxAge?.message}
        {...form.register('maxAge')}
      />
      <FormActions onCancel={onCancel} pending={pending} />
    </form>
  );
}
