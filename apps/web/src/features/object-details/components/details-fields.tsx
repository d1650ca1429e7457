import type { ReactNode } from 'react';
import type { ObjectDetails } from '@stowage/shared';
import { formatBytes, formatDateTime, formatExactBytes } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import styles from './details-fields.module.css';

function optional(value: string | null): ReactNode {
  return value === null || value === '' ? (
    <span className="muted">—</span>
  ) : (
    <VisibleKey text={value} />
  );
}

/** The system properties of an object, as a description list. */
export function DetailsFields({ details }: { details: ObjectDetails }) {
  const rows: [string, ReactNode][] = [
    [
      'Key',
      <span className={styles.key}>
        <VisibleKey text={details.key} />
      </span>,
    ],
    ['Size', `${formatBytes(details.size)} (${formatExactBytes(details.size)})`],
    [
      'Last modified',
      details.lastModified ? (
        <time dateTime={details.lastModified}>{formatDateTime(details.lastModified)}</time>
      ) : (
        optional(null)
      ),
    ],
    ['ETag', optional(details.etag)],
    ['Content type', optional(details.contentType)],
    ['Cache-Control', optional(details.cacheControl)],
    ['Content-Disposition', optional(details.contentDisposition)],
    ['Content-Encoding', optional(details.contentEncoding)],
    ['Content-Language', optional(details.contentLanguage)],
    ['Expires', details.expires ? formatDateTime(details.expires) : optional(null)],
    ['Storage class', optional(details.storageClass)],
    ['Version ID', optional(details.versionId)],
  ];
  return (
    <dl className={styles.fields}>
      {rows.map(([label, value]) => (
        <div className={styles.field} key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
