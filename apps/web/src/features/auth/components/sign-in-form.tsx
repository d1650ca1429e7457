import { useId } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  KeySignInBodySchema,
  PasswordSignInBodySchema,
  type ProfileSummary,
  type SignInBody,
} from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import formStyles from '@/components/form/form.module.css';
import { useSignIn } from '../api/sign-in';
import { SignInError } from './sign-in-error';

type SignInFormValues = {
  profile: string;
  accessKeyId: string;
  secretAccessKey: string;
  password: string;
};

type SignInFormProps = {
  profiles: readonly ProfileSummary[];
  defaultProfile: string;
  onSignedIn: () => void;
};

const keysResolver = zodResolver(KeySignInBodySchema);
const passwordResolver = zodResolver(PasswordSignInBodySchema);

/**
 * The profile (a choice only when there are several), then what that profile signs in with:
 * S3 keys or the dashboard password. Validated with the shared schemas; the values live in
 * the form's memory only and go out in the POST body, never to storage or the URL.
 */
export function SignInForm({ profiles, defaultProfile, onSignedIn }: SignInFormProps) {
  const initialProfile = profiles.some((p) => p.name === defaultProfile)
    ? defaultProfile
    : (profiles[0]?.name ?? '');
  const signInOf = (name: string) => profiles.find((p) => p.name === name)?.signIn ?? 'keys';
  // The schema follows the chosen profile; the other fields are stripped by it.
  const resolver: Resolver<SignInFormValues, unknown, SignInBody> = (values, context, options) =>
    signInOf(values.profile) === 'password'
      ? passwordResolver(values, context, options as never)
      : keysResolver(values, context, options as never);
  const form = useForm<SignInFormValues, unknown, SignInBody>({
    resolver,
    defaultValues: { profile: initialProfile, accessKeyId: '', secretAccessKey: '', password: '' },
  });
  const signIn = useSignIn();
  const profileId = useId();
  const profile = useWatch({ control: form.control, name: 'profile' });
  const { errors } = form.formState;
  const pending = signIn.isPending;

  const onSubmit = form.handleSubmit(async (body) => {
    await signIn.mutateAsync(body).then(onSignedIn, () => undefined); // errors: signIn.error
  });

  return (
    // method="post": should a submit ever bypass the script, the keys stay out of the URL.
    <form
      method="post"
      noValidate
      className={formStyles.form}
      aria-label="Sign in"
      onSubmit={(event) => void onSubmit(event)}
    >
      {profiles.length > 1 ? (
        <div className={formStyles.field}>
          <label htmlFor={profileId} className={formStyles.label}>
            Connection
          </label>
          <Select id={profileId} {...form.register('profile')}>
            {profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
                {p.readOnly ? ' (read-only)' : ''}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {signInOf(profile) === 'password' ? (
        <TextField
          label="Dashboard password"
          type="password"
          autoComplete="current-password"
          autoFocus
          error={errors.password?.message}
          {...form.register('password')}
        />
      ) : (
        <>
          <TextField
            label="Access key"
            autoComplete="off"
            autoFocus
            error={errors.accessKeyId?.message}
            {...form.register('accessKeyId')}
          />
          <TextField
            label="Secret key"
            type="password"
            autoComplete="off"
            error={errors.secretAccessKey?.message}
            {...form.register('secretAccessKey')}
          />
        </>
      )}
      {signIn.error ? <SignInError error={signIn.error} /> : null}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
