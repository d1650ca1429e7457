import { Button } from '@/components/ui/button';
import { KeyErrors } from '@/components/ui/work-result';
import { formatCount } from '@/utils/format';
import { VisibleKey } from '@/components/ui/visible-key';
import {
  cancelWork,
  clearFinished,
  DELETE_IN_FLIGHT,
  useDeleteWorks,
  type DeleteWork,
} from '../work/delete-work';
import styles from './work-panel.module.css';

const objects = (n: number) => `${formatCount(n)} ${n === 1 ? 'object' : 'objects'}`;

/** "1,234 of 2,600" (the API's count once listed; the dialog's "~" estimate before). */
function countText(work: DeleteWork): string {
  if (work.total !== null) return `${formatCount(work.deleted)} of ${formatCount(work.total)}`;
  if (work.estimate !== null)
    return `${formatCount(work.deleted)} of ~${formatCount(work.estimate)}`;
  return formatCount(work.deleted);
}

function outcome(work: DeleteWork): string {
  if (work.status === 'done') return `Deleted ${objects(work.deleted)}`;
  if (work.status === 'cancelled') return `Cancelled: ${objects(work.deleted)} deleted`;
  return `Stopped after ${objects(work.deleted)} deleted: ${work.message ?? 'the delete failed'}`;
}

/** Deletes running in the background: a live count, Cancel, then what happened, key by key. */
export function WorkPanel() {
  const works = useDeleteWorks();
  if (works.length === 0) return null;
  const running = works.some((w) => w.status === 'running');
  return (
    <section aria-label="Background work" className={styles.panel}>
      <header className={styles.header}>
        <h2 className={styles.title}>Background work</h2>
        <Button size="sm" variant="ghost" onClick={clearFinished} disabled={running}>
          Close
        </Button>
      </header>
      <ul className={styles.list}>
        {works.map((work) => (
          <li key={work.id} className={styles.item} aria-label={`Deleting ${work.label}`}>
            <div className={styles.line}>
              <span className={styles.what}>
                Deleting <VisibleKey text={work.label} />
              </span>
              {work.status === 'running' ? (
                <Button
                  size="sm"
                  onClick={() => {
                    cancelWork(work.id);
                  }}
                >
                  Cancel
                </Button>
              ) : null}
            </div>
            {work.status === 'running' ? (
              <p role="status" className={styles.count}>
                {countText(work)}
              </p>
            ) : (
              <>
                <p role="status" className={styles.count}>
                  {outcome(work)}
                </p>
                {work.status === 'cancelled' && work.total !== null && work.deleted < work.total ? (
                  <p className={styles.note}>
                    The batch in flight when you cancelled (up to {formatCount(DELETE_IN_FLIGHT)}{' '}
                    objects) may have gone too; the listing shows what is left.
                  </p>
                ) : null}
                <KeyErrors
                  errors={work.errors}
                  heading={`${objects(work.errors.length)} could not be deleted:`}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
