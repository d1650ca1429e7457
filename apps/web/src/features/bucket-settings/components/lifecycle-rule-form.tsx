import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { FormActions } from '@/components/form/form-actions';
import { TextField } from '@/components/form/text-field';
import formStyles from '@/components/form/form.module.css';
import { LifecycleFormSchema, type LifecycleFormValues } from '../utils/lifecycle-form';
import styles from './settings.module.css';

type LifecycleRuleFormProps = {
  title: string;
  initial: LifecycleFormValues;
  pending: boolean;
  onSubmit: (values: LifecycleFormValues) => void;
  onCancel: () => void;
};

/** One common lifecycle rule: a prefix and its actions in days (empty: not this action). */
export function LifecycleRuleForm({
  title,
  initial,
  pending,
  onSubmit,
  onCancel,
}: LifecycleRuleFormProps) {
  const form = useForm<LifecycleFormValues>({
    resolver: zodResolver(LifecycleFormSchema),
    defaultValues: initial,
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(onSubmit);
  const daysField = { inputMode: 'numeric' as const, className: styles.days };
  return (
    <form
      noValidate
      className={`${formStyles.form} ${styles.subForm}`}
      aria-label={title}
      onSubmit={(event) => void submit(event)}
    >
      <h3 className={formStyles.title}>{title}</h3>
      <div className={styles.fieldRow}>
        <TextField label="Rule ID" error={errors.id?.message} {...form.register('id')} />
        <TextField
          label="Prefix"
          hint="Empty: the whole bucket."
          placeholder="logs/"
          error={errors.prefix?.message}
          {...form.register('prefix')}
        />
        <label className={styles.check}>
          <input type="checkbox" {...form.register('enabled')} /> Enabled
        </label>
      </div>
      <fieldset className={formStyles.group}>
        <legend className={formStyles.label}>Actions (days; leave empty for none)</legend>
        <div className={styles.fieldRow}>
          <TextField
            label="Expire objects after (days)"
            error={errors.expireDays?.message}
            {...daysField}
            {...form.register('expireDays')}
          />
          <TextField
            label="Expire noncurrent versions after (days)"
            error={errors.noncurrentDays?.message}
            {...daysField}
            {...form.register('noncurrentDays')}
          />
          <TextField
            label="Abort incomplete multipart uploads after (days)"
            error={errors.abortDays?.message}
            {...daysField}
            {...form.register('abortDays')}
          />
        </div>
        <div className={styles.fieldRow}>
          <TextField
            label="Transition after (days)"
            hint="Where the store has storage classes."
            error={errors.transitionDays?.message}
            {...daysField}
            {...form.register('transitionDays')}
          />
          <TextField
            label="Storage class"
            placeholder="STANDARD_IA"
            error={errors.transitionClass?.message}
            {...form.register('transitionClass')}
          />
        </div>
      </fieldset>
      <FormActions onCancel={onCancel} pending={pending} />
    </form>
  );
}
