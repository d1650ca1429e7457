import { Link } from '@tanstack/react-router';
import { parentPrefix, type UsageResult } from '@stowage/shared';
import { VisibleKey } from '@/components/ui/visible-key';
import { formatBytes, formatCount, formatDate, formatExactBytes } from '@/utils/format';
import tableStyles from '@/components/ui/data-table.module.css';
import styles from './usage.module.css';

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The walk's totals, what else holds space, and the largest objects (links to their details). */
export function UsageSummary({ bucket, usage }: { bucket: string; usage: UsageResult }) {
  return (
    <>
      <dl className={styles.figures} aria-label="Usage">
        <div>
          <dt>Objects</dt>
          <dd>{formatCount(usage.objects)}</dd>
        </div>
        <div>
          <dt>Total size</dt>
          <dd title={formatExactBytes(usage.bytes)}>{formatBytes(usage.bytes)}</dd>
        </div>
        <div>
          <dt>Unfinished uploads</dt>
          <dd>
            {usage.uploads === null ? (
              'not listed by this store'
            ) : (
              <>
                {plural(usage.uploads.count, 'upload', 'uploads')} holding{' '}
                {formatBytes(usage.uploads.bytes)}
                {usage.uploads.count > 0 ? (
                  <>
                    {' '}
                    (
                    <Link to="/b/$bucket/uploads" params={{ bucket }}>
                      see them
                    </Link>
                    )
                  </>
                ) : null}
              </>
            )}
          </dd>
        </div>
        {usage.noncurrent ? (
          <div>
            <dt>Noncurrent versions</dt>
            <dd>
              {plural(
                usage.noncurrent.count,
                'version or delete marker',
                'versions and delete markers',
              )}{' '}
              holding {formatBytes(usage.noncurrent.bytes)}
            </dd>
          </div>
        ) : null}
      </dl>
      {usage.largest.length > 0 ? (
        <div className={tableStyles.card}>
          <table className={tableStyles.table} aria-label="Largest objects">
            <caption className={styles.caption}>
              The {formatCount(usage.largest.length)} largest objects
            </caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col" className={tableStyles.number}>
                  Size
                </th>
                <th scope="col">Last modified</th>
              </tr>
            </thead>
            <tbody>
              {usage.largest.map((object) => (
                <tr key={object.key}>
                  <td className={tableStyles.key}>
                    <Link
                      to="/b/$bucket"
                      params={{ bucket }}
                      search={{ prefix: parentPrefix(object.key), key: object.key }}
                    >
                      <VisibleKey text={object.key} />
                    </Link>
                  </td>
                  <td className={tableStyles.number}>{formatBytes(object.size)}</td>
                  <td className={tableStyles.date}>{formatDate(object.lastModified)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
