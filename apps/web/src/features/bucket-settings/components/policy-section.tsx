import { useId, useState, type ReactNode } from 'react';
import {
  isPublicPolicy,
  PolicyDocumentSchema,
  type PolicyDocument,
  type PolicyStatement,
} from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { Input } from '@/components/ui/input';
import formStyles from '@/components/form/form.module.css';
import { checkJson, toJsonText } from '../utils/json-errors';
import {
  denyUnencryptedUploadsStatement,
  publicReadStatement,
  withStatement,
} from '../utils/policy-presets';
import { JsonEditor } from './json-editor';
import { SettingEditor } from './setting-editor';
import { NotSet, SettingSection } from './setting-section';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };

/** The bucket policy: a JSON editor checked as you type, presets, and a guard on public access. */
export function PolicySection({ bucket, readOnly, unsupported }: SectionProps) {
  return (
    <SettingSection
      title="Bucket policy"
      what="bucket policies"
      description="Who may do what in this bucket, as an IAM policy document."
      bucket={bucket}
      name="policy"
      readOnly={readOnly}
      unsupported={unsupported}
    >
      {(doc) => (
        <SettingEditor
          bucket={bucket}
          name="policy"
          readOnly={readOnly}
          doc={doc}
          what="bucket policy"
          remove={{
            label: 'Delete policy',
            title: 'Delete the bucket policy?',
            question: (
              <p>Every permission and refusal it grants goes; the keys&apos; own rights remain.</p>
            ),
          }}
        >
          {({ write, save, deleteButton }) => (
            <PolicyEditor
              bucket={bucket}
              readOnly={readOnly}
              doc={doc}
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

/** The policy as JSON with its presets and the public-access guard. */
function PolicyEditor(props: {
  bucket: string;
  readOnly: boolean;
  doc: PolicyDocument | null;
  pending: boolean;
  save: (document: PolicyDocument) => void;
  deleteButton: ReactNode;
}) {
  const { bucket, readOnly, doc } = props;
  const prefixId = useId();
  const docText = doc === null ? '' : toJsonText(doc);
  // The editor's text, which presets build on; it starts again from what the store holds.
  const [text, setText] = useState(docText);
  const [seenDoc, setSeenDoc] = useState(docText);
  if (seenDoc !== docText) {
    setSeenDoc(docText);
    setText(docText);
  }
  const [replace, setReplace] = useState<{ text: string; version: number }>();
  const [presetError, setPresetError] = useState<string | null>(null);
  const [prefix, setPrefix] = useState('public/');
  const [publicConfirmed, setPublicConfirmed] = useState(false);

  /** Adds a statement to the document being edited (a new document if the editor is empty). */
  const insert = (statement: PolicyStatement) => {
    let current: PolicyDocument | null = null;
    if (text.trim() !== '') {
      const check = checkJson(text, PolicyDocumentSchema);
      if (!check.ok) {
        setPresetError('Fix the policy above first: a preset is added to a valid document.');
        return;
      }
      current = check.value;
    }
    setPresetError(null);
    const next = toJsonText(withStatement(current, statement));
    setText(next);
    setPublicConfirmed(false);
    setReplace((r) => ({ text: next, version: (r?.version ?? 0) + 1 }));
  };

  return (
    <>
      {doc === null ? <NotSet>Not set: no bucket policy.</NotSet> : null}
      <JsonEditor
        label="Policy (JSON)"
        initialText={docText}
        schema={PolicyDocumentSchema}
        readOnly={readOnly}
        pending={props.pending}
        saveLabel="Save policy"
        replace={replace}
        key={docText}
        onTextChange={(value) => {
          setText(value);
          setPublicConfirmed(false);
        }}
        onSave={(document) => {
          props.save(document);
        }}
        review={(document) =>
          isPublicPolicy(document)
            ? {
                blocked: !publicConfirmed,
                note: (
                  <Banner tone="warning" title="This policy makes the bucket public.">
                    It allows anyone on the internet, without keys, to do what its Allow statements
                    with Principal &quot;*&quot; say (read the objects they name, at least).
                    {readOnly ? null : (
                      <label className={styles.check}>
                        <input
                          type="checkbox"
                          checked={publicConfirmed}
                          onChange={(event) => {
                            setPublicConfirmed(event.target.checked);
                          }}
                        />{' '}
                        I understand: anyone may access what this policy allows
                      </label>
                    )}
                  </Banner>
                ),
              }
            : { blocked: false, note: null }
        }
      >
        {readOnly ? null : (
          <fieldset className={`${formStyles.group} ${styles.presets}`}>
            <legend className={formStyles.label}>Presets (added to the policy above)</legend>
            <div className={styles.fieldRow}>
              <label htmlFor={prefixId} className={formStyles.label}>
                Prefix
              </label>
              <Input
                id={prefixId}
                value={prefix}
                spellCheck={false}
                onChange={(event) => {
                  setPrefix(event.target.value);
                }}
              />
              <Button
                size="sm"
                onClick={() => {
                  insert(publicReadStatement(bucket, prefix));
                }}
              >
                Add public read of this prefix
              </Button>
              <Button
                size="sm"
                onClick={() => {
                  insert(denyUnencryptedUploadsStatement(bucket));
                }}
              >
                Add deny unencrypted uploads
              </Button>
            </div>
            {presetError ? <p className={formStyles.error}>{presetError}</p> : null}
          </fieldset>
        )}
      </JsonEditor>
      {props.deleteButton ? <ButtonRow>{props.deleteButton}</ButtonRow> : null}
    </>
  );
}
