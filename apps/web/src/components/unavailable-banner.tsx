import { useQueryClient } from '@tanstack/react-query';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { useUnavailableError } from '@/lib/use-unavailable-error';
import styles from './unavailable-banner.module.css';

/** App-wide: shown while any query fails because the store or the API is unreachable (502/503/504). */
export function UnavailableBanner() {
  const message = useUnavailableError();
  const queryClient = useQueryClient();
  if (message === null) return null;
  return (
    <Banner
      className={styles.banner}
      title="Storage unavailable."
      action={
        <Button
          size="sm"
          onClick={() =>
            void queryClient.refetchQueries({ predicate: (q) => q.state.status === 'error' })
          }
        >
          Retry
        </Button>
      }
    >
      {message}
    </Banner>
  );
}
