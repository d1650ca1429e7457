import { useState } from 'react';
import type { VersioningDocument } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { useWriteSetting } from '../api/settings';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SettingSection, WriteFeedback } from './setting-section';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };

const STATUS_TEXT = {
  Enabled: 'Enabled: every overwrite and delete keeps the previous version.',
  Suspended: 'Suspended: new writes keep no previous version; the versions already kept remain.',
  Off: 'Never enabled.',
} as const;

/** Versioning: enable or suspend (a bucket never returns to "never enabled"). */
export function VersioningSection({ bucket, readOnly, unsupported }: SectionProps) {
  return (
    <SettingSection
      title="Versioning"
      what="versioning"
      bucket={bucket}
      name="versioning"
      readOnly={readOnly}
      unsupported={unsupported}
    >
      {(doc) => <VersioningBody bucket={bucket} readOnly={readOnly} doc={doc} />}
    </SettingSection>
  );
}

function VersioningBody(props: {
  bucket: string;
  readOnly: boolean;
  doc: VersioningDocument | null;
}) {
  const write = useWriteSetting(props.bucket, 'versioning');
  const [asking, setAsking] = useState<'Enabled' | 'Suspended' | null>(null);
  const status = props.doc?.Status ?? 'Off';
  const target = status === 'Enabled' ? 'Suspended' : 'Enabled';
  return (
    <>
      <WriteFeedback write={write} what="versioning" />
      <p className={styles.value}>
        <strong>Status:</strong> {STATUS_TEXT[status]}
        {props.doc?.MFADelete === 'Enabled' ? ' MFA delete is on.' : null}
      </p>
      {props.readOnly ? null : (
        <ButtonRow>
          <Button
            variant={target === 'Enabled' ? 'primary' : 'default'}
            disabled={write.isPending}
            onClick={() => {
              write.reset();
              setAsking(target);
            }}
          >
            {target === 'Enabled' ? 'Enable versioning' : 'Suspend versioning'}
          </Button>
        </ButtonRow>
      )}
      {asking ? (
        <ConfirmDialog
          title={asking === 'Enabled' ? 'Enable versioning?' : 'Suspend versioning?'}
          confirmLabel={asking === 'Enabled' ? 'Enable versioning' : 'Suspend versioning'}
          onConfirm={() => {
            write.mutate({ ...props.doc, Status: asking });
            setAsking(null);
          }}
          onClose={() => {
            setAsking(null);
          }}
        >
          <p>
            {asking === 'Enabled'
              ? 'Every overwrite and delete will keep the previous version, which takes space until a lifecycle rule or you remove it.'
              : 'New overwrites and deletes will keep no previous version; the versions kept so far stay.'}{' '}
            A bucket whose versioning was enabled once can be suspended, but never returns to “never
            enabled”.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
