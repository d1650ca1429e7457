import { useId, useState, type ReactNode } from 'react';
import type { EncryptionDocument } from '@stowage/shared';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { TextField } from '@/components/form/text-field';
import formStyles from '@/components/form/form.module.css';
import { toJsonText } from '../utils/json-errors';
import { SettingEditor } from './setting-editor';
import { NotSet, SettingSection } from './setting-section';
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
        <SettingEditor
          bucket={bucket}
          name="encryption"
          readOnly={readOnly}
          doc={doc}
          what="default encryption"
          remove={{
            label: 'Delete default encryption',
            title: 'Delete the default encryption?',
            question: (
              <p>
                New objects uploaded without encryption are then stored as they come. Objects
                already stored keep theirs.
              </p>
            ),
          }}
        >
          {({ write, save, deleteButton }) => (
            <EncryptionForm
              key={toJsonText(doc)}
              doc={doc}
              readOnly={readOnly}
              pending={write.isPending}
              save={save}
              deleteButton={deleteButton}
            />
          )}
        </SettingEditor>
      )}
    </SettingSection>
  );
}

/** What is set now, and the algorithm (and KMS key) to set; it starts again from what the store holds. */
function EncryptionForm(props: {
  doc: EncryptionDocument | null;
  readOnly: boolean;
  pending: boolean;
  save: (document: EncryptionDocument) => void;
  deleteButton: ReactNode;
}) {
  const { doc, readOnly } = props;
  const current = doc?.Rules[0]?.ApplyServerSideEncryptionByDefault;
  const [algorithm, setAlgorithm] = useState<Algorithm>(current?.SSEAlgorithm ?? 'AES256');
  const [keyId, setKeyId] = useState(current?.KMSMasterKeyID ?? '');
  const name = useId();
  const kms = algorithm !== 'AES256';
  return (
    <>
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
            props.save({
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
            {props.deleteButton}
            <Button type="submit" variant="primary" disabled={props.pending}>
              {props.pending ? 'Saving…' : 'Save encryption'}
            </Button>
          </ButtonRow>
        </form>
      )}
    </>
  );
}
