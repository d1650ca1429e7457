import { useEffect, useState, type ReactNode } from 'react';
import type { PublicLinkInfo } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { CenteredScreen } from '@/components/ui/centered-screen';
import { Logo } from '@/components/ui/logo';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage, hasCode } from '@/lib/api-client';
import { getLinkInfo } from '../api/public-link';
import { DownloadLink } from './download-link';
import { UploadDrop } from './upload-drop';
import styles from './public-link.module.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; info: PublicLinkInfo };

/**
 * `/s/<token>` when the server answers with the app (an upload link, a download link that
 * asks for its password): what the link allows and nothing else of the bucket. No session,
 * no router: main.tsx renders this instead of the app.
 */
export function PublicLinkPage({ token }: { token: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (token === null) return;
    const controller = new AbortController();
    getLinkInfo(token, controller.signal).then(
      (info) => {
        setLoaded({ state: 'ready', info });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [token, attempt]);

  let content: ReactNode;
  if (token === null || (loaded.state === 'failed' && hasCode(loaded.error, 'LinkNotFound'))) {
    content = (
      <Notice title="This link does not exist">
        It may have been revoked, or mistyped. Ask the person who sent it for a new one.
      </Notice>
    );
  } else if (loaded.state === 'failed' && hasCode(loaded.error, 'LinkExpired')) {
    content = (
      <Notice title="This link has expired">
        It no longer works. Ask the person who sent it for a new one.
      </Notice>
    );
  } else if (loaded.state === 'failed') {
    content = (
      <Banner
        title="Could not open this link."
        action={
          <Button
            size="sm"
            onClick={() => {
              setLoaded({ state: 'loading' });
              setAttempt((n) => n + 1);
            }}
          >
            Retry
          </Button>
        }
      >
        {errorMessage(loaded.error)}
      </Banner>
    );
  } else if (loaded.state === 'loading') {
    content = <Spinner label="Opening the link…" />;
  } else if (loaded.info.kind === 'download') {
    content = <DownloadLink token={token} info={loaded.info} />;
  } else {
    content = <UploadDrop token={token} info={loaded.info} />;
  }

  return (
    <CenteredScreen main>
      <div className={styles.card}>
        <p className={styles.brand}>
          <Logo />
          Stowage
        </p>
        {content}
      </div>
    </CenteredScreen>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1 className={styles.title}>{title}</h1>
      <p className={styles.text}>{children}</p>
    </>
  );
}
