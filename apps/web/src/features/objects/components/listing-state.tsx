import type { ReactNode } from 'react';
import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';
import panelStyles from '@/components/ui/panel.module.css';
import styles from './object-listing.module.css';

/**
 * The panel a folder's listing fills (the ordinary one and the windowed one): its rows, or
 * `centered`, its loading, error or empty state.
 */
export function ListingPanel({
  centered = false,
  children,
}: {
  centered?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={clsx(panelStyles.panel, centered ? styles.centered : styles.listing)}
      data-testid="listing"
    >
      {children}
    </div>
  );
}

type ListingLoadStateProps = {
  /** Why the rows did not load (null: they are loading). */
  error: unknown;
  /** What failed, before the error's message ("Could not load more"). */
  failed: string;
  /** What is loading ("Loading more…"). */
  loading: string;
  onRetry: () => void;
};

/** Rows still to come in a listing's grid: "Loading …", or what failed with a Retry button. */
export function ListingLoadState({ error, failed, loading, onRetry }: ListingLoadStateProps) {
  if (error === null) return loading;
  return (
    <>
      <span className="text-error">
        {failed}: {errorMessage(error)}
      </span>
      <Button size="sm" onClick={onRetry}>
        Retry
      </Button>
    </>
  );
}
