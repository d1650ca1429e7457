import { Link } from '@tanstack/react-router';
import { prefixSegments } from '@stowage/shared';
import { VisibleKey } from '@/components/ui/visible-key';
import styles from './object-breadcrumb.module.css';

type ObjectBreadcrumbProps = { bucket: string; prefix: string };

/** bucket › segment › segment; every step opens that folder. */
export function ObjectBreadcrumb({ bucket, prefix }: ObjectBreadcrumbProps) {
  const segments = prefixSegments(prefix);
  // A prefix that does not end in "/" (a deep link) filters by the remaining characters.
  const rest = prefix.slice(segments.at(-1)?.prefix.length ?? 0);

  return (
    <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
      <ol>
        <li>
          <Link
            to="/b/$bucket"
            params={{ bucket }}
            search={{ prefix: '' }}
            aria-current={prefix === '' ? 'page' : undefined}
            className={styles.bucket}
          >
            <VisibleKey text={bucket} />
          </Link>
        </li>
        {segments.map((segment) => (
          <li key={segment.prefix}>
            <Link
              to="/b/$bucket"
              params={{ bucket }}
              search={{ prefix: segment.prefix }}
              aria-current={segment.prefix === prefix ? 'page' : undefined}
            >
              {segment.name === '' ? (
                <em className="muted">(empty)</em>
              ) : (
                <VisibleKey text={segment.name} />
              )}
            </Link>
          </li>
        ))}
        {rest ? (
          <li>
            <span aria-current="page" title="Keys starting with this prefix">
              <VisibleKey text={rest} />…
            </span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
