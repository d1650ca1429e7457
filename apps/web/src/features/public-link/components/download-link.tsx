import { useId, useState } from 'react';
import { publicLinkPath, type PublicLinkInfo } from '@stowage/shared';
import { TextField } from '@/components/form/text-field';
import formStyles from '@/components/form/form.module.css';
import { Banner } from '@/components/ui/banner';
import { Button, ButtonLink } from '@/components/ui/button';
import { errorMessage, hasCode } from '@/lib/api-client';
import { formatBytes, formatDateTime } from '@/utils/format';
import { startDownload, unlockLink } from '../api/public-link';
import styles from './public-link.module.css';

type DownloadLinkProps = { token: string; info: PublicLinkInfo };

/**
 * A download link that asks for its password (the server streams an open one without this
 * page): the form, then the download. Once unlocked (the link's cookie), a plain Download.
 */
export function DownloadLink({ token, info }: DownloadLinkProps) {
  const [unlocked, setUnlocked] = useState(info.unlocked || !info.passwordRequired);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titleId = useId();

  if (unlocked) {
    return (
      <>
        <h1 className={styles.title}>{info.name}</h1>
        <dl className={styles.facts}>
          {info.size === undefined ? null : (
            <>
              <dt>Size</dt>
              <dd>{formatBytes(info.size)}</dd>
            </>
          )}
          <dt>Link expires</dt>
          <dd>{formatDateTime(info.expiresAt)}</dd>
        </dl>
        <p className={styles.text} role="status">
          {info.unlocked || !info.passwordRequired ? '' : 'Your download has started.'}
        </p>
        <div>
          <ButtonLink variant="primary" href={publicLinkPath(token)}>
            Download
          </ButtonLink>
        </div>
      </>
    );
  }

  const onSubmit = () => {
    if (password === '') {
      setError(new Error('Enter the password.'));
      return;
    }
    setPending(true);
    setError(null);
    unlockLink(token, password).then(
      () => {
        setPending(false);
        setUnlocked(true);
        startDownload(token);
      },
      (failure: unknown) => {
        setPending(false);
        setError(failure);
      },
    );
  };

  return (
    <form
      noValidate
      aria-labelledby={titleId}
      className={formStyles.form}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h1 id={titleId} className={styles.title}>
        This file is protected by a password
      </h1>
      <p className={styles.text}>
        Type the password you were given to download <strong>{info.name}</strong>.
      </p>
      {error ? <Banner title={refusalTitle(error)}>{refusalText(error)}</Banner> : null}
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        autoFocus
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
        }}
      />
      <div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Checking…' : 'Download'}
        </Button>
      </div>
    </form>
  );
}

function refusalTitle(error: unknown): string {
  if (hasCode(error, 'WrongPassword')) return 'Wrong password.';
  if (hasCode(error, 'TooManyRequests')) return 'Too many attempts.';
  return 'The link was not unlocked.';
}

function refusalText(error: unknown): string {
  if (hasCode(error, 'WrongPassword')) return 'Check it and try again.';
  if (hasCode(error, 'TooManyRequests')) {
    const wait = error.retryAfterSeconds;
    return wait === undefined
      ? 'Wait a moment before trying again.'
      : `Try again in ${String(wait)} ${wait === 1 ? 'second' : 'seconds'}.`;
  }
  return errorMessage(error);
}
