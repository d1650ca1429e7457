import { getRouteApi, Link } from '@tanstack/react-router';
import { useBucketCapabilities } from '@/features/bucket-capabilities/api/get-bucket-capabilities';
import { SettingsPage } from '@/features/bucket-settings/components/settings-page';
import { useReadOnly } from '@/lib/session';
import styles from './page.module.css';

const route = getRouteApi('/b/$bucket/settings');

/** /b/$bucket/settings: the bucket's settings (loaded with this page only, zod and all). */
export function BucketSettingsRoute() {
  const { bucket } = route.useParams();
  const readOnly = useReadOnly();
  const capabilities = useBucketCapabilities(bucket);
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <h1>
          Settings of <span className={styles.name}>{bucket}</span>
        </h1>
        <Link to="/b/$bucket" params={{ bucket }} search={{ prefix: '' }}>
          Back to the bucket
        </Link>
      </div>
      {readOnly ? (
        <p className="muted">This session may only read: the settings are shown, not changed.</p>
      ) : null}
      <SettingsPage
        bucket={bucket}
        readOnly={readOnly}
        capabilities={capabilities.data}
        capabilitiesSettled={!capabilities.isPending}
      />
    </div>
  );
}
