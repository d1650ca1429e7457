import type { ErrorComponentProps } from '@tanstack/react-router';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';
import styles from './page.module.css';

/** Rendering failures (bugs), not API errors: those are shown where the data is. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <div className={styles.page}>
      <Banner
        title="Something went wrong."
        action={
          <Button size="sm" onClick={reset}>
            Try again
          </Button>
        }
      >
        {errorMessage(error)}
      </Banner>
    </div>
  );
}
