import type { BucketCapabilities, SettingName } from '@stowage/shared';
import { Spinner } from '@/components/ui/spinner';
import { CorsSection } from './cors-section';
import { EncryptionSection } from './encryption-section';
import { LifecycleSection } from './lifecycle-section';
import { ObjectLockSection } from './object-lock-section';
import { PolicySection } from './policy-section';
import { TagsSection } from './tags-section';
import { VersioningSection } from './versioning-section';
import styles from './settings.module.css';

/** The probe's field for each setting. */
const CAPABILITY_OF: Record<SettingName, keyof BucketCapabilities> = {
  versioning: 'versioning',
  lifecycle: 'lifecycle',
  cors: 'cors',
  policy: 'policy',
  tags: 'bucketTagging',
  encryption: 'encryption',
  'object-lock': 'objectLock',
};

type SettingsPageProps = {
  bucket: string;
  readOnly: boolean;
  /** What the store can do in this bucket (the capability probe); undefined if it failed. */
  capabilities: BucketCapabilities | undefined;
  /** The probe answered (or failed: then every setting is asked). */
  capabilitiesSettled: boolean;
};

/** Every setting of a bucket, one section each; a read-only session sees them without controls. */
export function SettingsPage(props: SettingsPageProps) {
  const { bucket, readOnly, capabilities } = props;
  // What the store cannot do is not asked: the probe first (usually cached by the bucket page).
  if (!props.capabilitiesSettled) return <Spinner label="Asking the store what it supports…" />;
  const unsupported = (name: SettingName) => capabilities?.[CAPABILITY_OF[name]] === 'unsupported';
  const common = { bucket, readOnly };
  return (
    <div className={styles.sections}>
      <VersioningSection {...common} unsupported={unsupported('versioning')} />
      <LifecycleSection {...common} unsupported={unsupported('lifecycle')} />
      <CorsSection {...common} unsupported={unsupported('cors')} />
      <PolicySection {...common} unsupported={unsupported('policy')} />
      <TagsSection {...common} unsupported={unsupported('tags')} />
      <EncryptionSection {...common} unsupported={unsupported('encryption')} />
      <ObjectLockSection {...common} unsupported={unsupported('object-lock')} />
    </div>
  );
}
