import { useState, type FormEvent } from 'react';
import clsx from 'clsx';
import type { AuditEntry } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { VisibleKey } from '@/components/ui/visible-key';
import { errorMessage } from '@/lib/api-client';
import { formatCount, formatDateTime } from '@/utils/format';
import { useAudit, type AuditFilters } from '../api/get-audit';
import tableStyles from '@/components/ui/data-table.module.css';
import styles from './activity.module.css';

type ActivityPageProps = {
  filters: AuditFilters;
  /** New filters (the page keeps them in its URL). */
  onFilter: (filters: AuditFilters) => void;
};

/** Who: the SSO person's name or e-mail, else the access key or "dashboard password". */
function userOf(entry: AuditEntry): string {
  const u = entry.user;
  if (!u) return '—';
  return u.name ?? u.email ?? u.subject ?? u.who ?? '—';
}

/** What the request named: a key, the first keys (and how many), a prefix, a setting. */
function targetOf(entry: AuditEntry): string {
  if (entry.key !== undefined) return entry.key;
  if (entry.keys && entry.keys.length > 0) {
    const more = (entry.keyCount ?? entry.keys.length) - 1;
    return more > 0 ? `${entry.keys[0]} and ${formatCount(more)} more` : entry.keys[0]!;
  }
  if (entry.prefix !== undefined) return entry.prefix === '' ? '(bucket root)' : entry.prefix;
  if (entry.setting !== undefined) return `setting ${entry.setting}`;
  return '';
}

/** The status, and for bulk answers how many keys failed. */
function resultOf(entry: AuditEntry): string {
  const { status, errors } = entry.result;
  return errors ? `${status} (${formatCount(errors)} failed)` : String(status);
}

/**
 * The audit log's recent entries (admins only): when, who, what, where, the answer; filtered
 * by bucket, user and action (an action ending in "." takes every action under it).
 */
export function ActivityPage({ filters, onFilter }: ActivityPageProps) {
  const audit = useAudit(filters);
  const [draft, setDraft] = useState<AuditFilters>(filters);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
    onFilter({
      bucket: trimmed(draft.bucket),
      user: trimmed(draft.user),
      action: trimmed(draft.action),
    });
  };
  const field = (name: keyof AuditFilters, label: string, placeholder: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      <Input
        name={name}
        value={draft[name] ?? ''}
        placeholder={placeholder}
        onChange={(e) => {
          setDraft({ ...draft, [name]: e.target.value });
        }}
      />
    </label>
  );

  const rows = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <>
      <form className={styles.filters} onSubmit={submit} aria-label="Filter the activity">
        {field('bucket', 'Bucket', 'any bucket')}
        {field('user', 'User', 'anyone')}
        {field('action', 'Action', 'e.g. object.delete or object.')}
        <Button type="submit">Filter</Button>
      </form>
      {audit.isPending ? (
        <Spinner label="Loading the activity…" />
      ) : audit.data === undefined ? (
        <Banner
          title="Could not read the activity."
          action={
            <Button size="sm" onClick={() => void audit.refetch()}>
              Retry
            </Button>
          }
        >
          {errorMessage(audit.error)}
        </Banner>
      ) : rows.length === 0 ? (
        <EmptyState title="No activity">
          Nothing in the audit log matches
          {filters.bucket || filters.user || filters.action ? ' these filters' : ' yet'}.
        </EmptyState>
      ) : (
        <div className={tableStyles.card}>
          <table className={clsx(tableStyles.table, tableStyles.dense)} aria-label="Activity">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">User</th>
                <th scope="col">Action</th>
                <th scope="col">Bucket</th>
                <th scope="col">Object</th>
                <th scope="col">Result</th>
                <th scope="col">Client</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <tr key={`${entry.requestId} ${entry.time}`}>
                  <td className={tableStyles.date}>{formatDateTime(entry.time)}</td>
                  <td>{userOf(entry)}</td>
                  <td className={styles.action}>{entry.action}</td>
                  <td>{entry.bucket === undefined ? '—' : <VisibleKey text={entry.bucket} />}</td>
                  <td className={tableStyles.key}>
                    <VisibleKey text={targetOf(entry)} />
                  </td>
                  <td className={clsx(entry.result.status >= 400 && styles.failed)}>
                    {resultOf(entry)}
                  </td>
                  <td>{entry.client}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={tableStyles.footer}>
            {formatCount(rows.length)} {rows.length === 1 ? 'entry' : 'entries'}
            {audit.hasNextPage ? ' so far' : ''}
          </p>
        </div>
      )}
      {audit.hasNextPage ? (
        <Button onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
      {audit.data !== undefined && audit.error ? (
        <Banner title="Could not load more activity.">{errorMessage(audit.error)}</Banner>
      ) : null}
    </>
  );
}
