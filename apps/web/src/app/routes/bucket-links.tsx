import { Link } from '@tanstack/react-router';
import styles from './bucket.module.css';

/**
 * The bucket's own pages, from its header: settings, unfinished uploads, the usage of this
 * folder, its share links.
 */
export function BucketLinks({ bucket, folder }: { bucket: string; folder: string }) {
  return (
    <nav aria-label="Bucket" className={styles.links}>
      <Link to="/b/$bucket/settings" params={{ bucket }}>
        Settings
      </Link>
      <Link to="/b/$bucket/usage" params={{ bucket }} search={{ prefix: folder }}>
        Usage
      </Link>
      <Link to="/b/$bucket/uploads" params={{ bucket }}>
        Unfinished uploads
      </Link>
      <Link to="/b/$bucket/links" params={{ bucket }}>
        Links
      </Link>
    </nav>
  );
}
