import { useId, useState } from 'react';
import type { EncryptionDocument } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { TextField } from '@/components/form/text-field';
import formStyles from '@/components/form/form.module.css';
import { useWriteSetting } from '../api/settings';
import { toJsonText } from '../utils/json-errors';
import { ConfirmDialog } from './confirm-dialog';
import { NotSet, SettingSection, WriteFeedback } from './setting-section';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };
type Algorithm = 'AES256' | 'aws:kms' | 'aws:kms:dsse';

const NAMES: Record<Algorithm, string> = {
  AES256: 'SSE-S3 (AES256, keys managed by the store)',
  'aws:kms': 'SSE-KMS (aws:kms)',
  'aws:kms:dsse': 'DSSE-KMS (aws:kms:dsse)',
};

/** Default encryption: what the store applies to new objects that ask for none. */
export function EncryptionSection({ bucket, readOnly, unsupported }: SectionProps) {
  return (
    <SettingSection
      title="Default encryption"
      what="default encryption"
      description="The server-side encryption the store applies to new objects uploaded without one."
      bucket={bucket}
      name="encryption"
      readOnly={readOnly}
      unsupported={unsupported}
    >
      {(doc) => (
        <EncryptionBody key={toJsonText(doc)} bucket={bucket} readOnly={readOnly} doc={doc} />
      )}
    </SettingSection>
  );
}

function EncryptionBody(props: {
  bucket: string;
  readOnly: boolean;
  doc: EncryptionDocument | null;
}) {
  const { doc, readOnly } = props;
  const write = useWriteSetting(props.bucket, 'encryption');
  const current = doc?.Rules[0]?.ApplyServerSideEncryptionByDefault;
  const [algorithm, setAlgorithm] = useState<Algorithm>(current?.SSEAlgorithm ?? 'AES256');
  const [keyId, setKeyId] = useState(current?.KMSMasterKeyID ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const name = useId();
  const kms = algorithm !== 'AES256';
  return (
    <>
      <WriteFeedback write={write} what="default encryption" />
      {current ? (
        <p className={styles.value}>
          <strong>Now:</strong> {NAMES[current.SSEAlgorithm]}
          {current.KMSMasterKeyID ? (
            <>
              , key <code>{current.KMSMasterKeyID}</code>
            </>
          ) : null}
          {doc?.Rules[0]?.BucketKeyEnabled ? ', bucket key on' : null}
        </p>
      ) : (
        <NotSet>Not set: objects are stored as uploaded.</NotSet>
      )}
      {readOnly ? null : (
        <form
          noValidate
          className={formStyles.form}
          onSubmit={(event) => {
            event.preventDefault();
            const rule = doc?.Rules[0];
            const byDefault =
              kms && keyId.trim() !== ''
                ? { SSEAlgorithm: algorithm, KMSMasterKeyID: keyId.trim() }
                : { SSEAlgorithm: algorithm };
            write.mutate({
              Rules: [
                {
                  ...(rule?.BucketKeyEnabled === undefined
                    ? {}
                    : { BucketKeyEnabled: rule.BucketKeyEnabled }),
                  ApplyServerSideEncryptionByDefault: byDefault,
                },
              ],
            });
          }}
        >
          <fieldset className={formStyles.group}>
            <legend className={formStyles.label}>Encrypt new objects with</legend>
            {(['AES256', 'aws:kms'] as const).map((a) => (
              <label key={a} className={styles.check}>
                <input
                  type="radio"
                  name={name}
                  value={a}
                  checked={algorithm === a}
                  onChange={() => {
                    setAlgorithm(a);
                  }}
                />{' '}
                {NAMES[a]}
              </label>
            ))}
          </fieldset>
          {kms ? (
            <TextField
              label="KMS key id"
              hint="The key's id or ARN; empty: the store's default KMS key."
              value={keyId}
              onChange={(event) => {
                setKeyId(event.target.value);
              }}
            />
          ) : null}
          <ButtonRow>
            {doc ? (
              <Button
                variant="danger"
                onClick={() => {
                  setConfirmDelete(true);
                }}
              >
                Delete default encryption
              </Button>
            ) : null}
            <Button type="submit" variant="primary" disabled={write.isPending}>
              {write.isPending ? 'Saving…' : 'Save encryption'}
            </Button>
          </ButtonRow>
        </form>
      )}
      {confirmDelete ? (
        <ConfirmDialog
          title="Delete the default encryption?"
          confirmLabel="Delete default encryption"
          danger
          onConfirm={() => {
            write.mutate(null);
          }}
          onClose={() => {
            setConfirmDelete(false);
          }}
        >
          <p>
            New objects uploaded without encryption are then stored as they come. Objects already
            stored keep theirs.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
