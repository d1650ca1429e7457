import { NotSet, SettingSection } from './setting-section';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };

/** Object lock: shown only (it is chosen when the bucket is created). */
export function ObjectLockSection({ bucket, readOnly, unsupported }: SectionProps) {
  return (
    <SettingSection
      title="Object lock"
      what="object lock"
      description="Write-once protection of object versions. It is chosen when a bucket is created and cannot be changed here."
      bucket={bucket}
      name="object-lock"
      readOnly={readOnly}
      unsupported={unsupported}
    >
      {(doc) => {
        if (doc?.ObjectLockEnabled !== 'Enabled') {
          return <NotSet>Not enabled on this bucket.</NotSet>;
        }
        const retention = doc.Rule?.DefaultRetention;
        const period =
          retention?.Years !== undefined
            ? `${String(retention.Years)} years`
            : `${String(retention?.Days ?? 0)} days`;
        return (
          <p className={styles.value}>
            <strong>Enabled.</strong>{' '}
            {retention
              ? `New objects are locked in ${retention.Mode} mode for ${period}.`
              : 'No default retention: objects are locked only when an upload asks.'}
          </p>
        );
      }}
    </SettingSection>
  );
}
