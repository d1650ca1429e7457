import { useState } from 'react';
import {
  LifecycleDocumentSchema,
  type LifecycleDocument,
  type LifecycleRule,
} from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { ButtonRow } from '@/components/ui/button-row';
import { useWriteSetting } from '../api/settings';
import { schemaProblems, toJsonText } from '../utils/json-errors';
import {
  describeActions,
  describeFilter,
  EMPTY_LIFECYCLE_FORM,
  formToRule,
  freeRuleId,
  ruleToForm,
} from '../utils/lifecycle-form';
import { ConfirmDialog } from './confirm-dialog';
import { JsonEditor } from './json-editor';
import { LifecycleRuleForm } from './lifecycle-rule-form';
import { NotSet, SettingSection, WriteFeedback } from './setting-section';
import { Tabs } from './tabs';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };

const TABS = [
  { id: 'rules', label: 'Rules' },
  { id: 'json', label: 'JSON' },
] as const;

/** Lifecycle: the rules as a list with a form for the common ones, and the whole set as JSON. */
export function LifecycleSection({ bucket, readOnly, unsupported }: SectionProps) {
  return (
    <SettingSection
      title="Lifecycle"
      what="lifecycle rules"
      description="Rules the store applies every day: expire objects under a prefix, expire old versions, abort forgotten multipart uploads, move objects to another storage class."
      bucket={bucket}
      name="lifecycle"
      readOnly={readOnly}
      unsupported={unsupported}
    >
      {(doc) => <LifecycleBody bucket={bucket} readOnly={readOnly} doc={doc} />}
    </SettingSection>
  );
}

type Editing = { index: number | null } | null;

function LifecycleBody(props: {
  bucket: string;
  readOnly: boolean;
  doc: LifecycleDocument | null;
}) {
  const { readOnly, doc } = props;
  const write = useWriteSetting(props.bucket, 'lifecycle');
  const [tab, setTab] = useState<'rules' | 'json'>('rules');
  const [editing, setEditing] = useState<Editing>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const rules = doc?.Rules ?? [];

  /** The whole rule set goes back to the store; none left removes the configuration. */
  const save = (next: LifecycleRule[], after?: () => void) => {
    if (next.length === 0) {
      write.mutate(null, { onSuccess: after });
      return;
    }
    const checked = LifecycleDocumentSchema.safeParse({ Rules: next });
    if (!checked.success) {
      setProblems(schemaProblems(checked.error));
      return;
    }
    setProblems([]);
    write.mutate(checked.data, { onSuccess: after });
  };

  const editedRule = editing?.index === null || editing === null ? undefined : rules[editing.index];
  const editedValues =
    editing === null
      ? null
      : editedRule
        ? ruleToForm(editedRule)
        : { ...EMPTY_LIFECYCLE_FORM, id: freeRuleId(rules) };

  return (
    <>
      <WriteFeedback write={write} what="lifecycle rules" />
      {problems.length > 0 ? (
        <Banner title="These rules cannot be saved.">{problems.join(' ')}</Banner>
      ) : null}
      <Tabs label="Lifecycle view" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'json' ? (
          <JsonEditor
            key={toJsonText(doc)}
            label="Lifecycle configuration (JSON)"
            initialText={doc === null ? '' : toJsonText(doc)}
            schema={LifecycleDocumentSchema}
            readOnly={readOnly}
            pending={write.isPending}
            onSave={(document) => {
              write.mutate(document);
            }}
          />
        ) : (
          <>
            {rules.length === 0 ? <NotSet>Not set: no lifecycle rules.</NotSet> : null}
            {rules.length > 0 ? (
              <table className={styles.table} aria-label="Lifecycle rules">
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col">Status</th>
                    <th scope="col">Applies to</th>
                    <th scope="col">Actions</th>
                    {readOnly ? null : (
                      <th scope="col">
                        <span className="sr-only">Edit</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rules.map((rule, index) => {
                    const name = rule.ID ?? `Rule ${String(index + 1)}`;
                    const simple = ruleToForm(rule) !== null;
                    return (
                      <tr key={`${String(index)}-${rule.ID ?? ''}`}>
                        <th scope="row" className={styles.mono}>
                          {name}
                        </th>
                        <td>{rule.Status}</td>
                        <td className={styles.mono}>{describeFilter(rule)}</td>
                        <td>
                          <ul className={styles.plainList}>
                            {describeActions(rule).map((a) => (
                              <li key={a}>{a}</li>
                            ))}
                          </ul>
                        </td>
                        {readOnly ? null : (
                          <td className={styles.rowButtons}>
                            {simple ? (
                              <Button
                                size="sm"
                                aria-label={`Edit ${name}`}
                                onClick={() => {
                                  setEditing({ index });
                                }}
                              >
                                Edit
                              </Button>
                            ) : (
                              <span className={styles.note}>Edit in JSON</span>
                            )}
                            <Button
                              size="sm"
                              variant="ghost"
                              aria-label={`Remove ${name}`}
                              disabled={write.isPending}
                              onClick={() => {
                                save(rules.filter((_, i) => i !== index));
                              }}
                            >
                              Remove
                            </Button>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
            {!readOnly && editedValues ? (
              <LifecycleRuleForm
                title={editedRule ? `Edit rule ${editedRule.ID ?? ''}` : 'New lifecycle rule'}
                initial={editedValues}
                pending={write.isPending}
                onCancel={() => {
                  setEditing(null);
                }}
                onSubmit={(values) => {
                  const rule = formToRule(values, editedRule);
                  const next =
                    editing?.index === null || editing === null
                      ? [...rules, rule]
                      : rules.map((r, i) => (i === editing.index ? rule : r));
                  save(next, () => {
                    setEditing(null);
                  });
                }}
              />
            ) : null}
            {!readOnly && editing === null ? (
              <ButtonRow>
                {doc ? (
                  <Button
                    variant="danger"
                    onClick={() => {
                      setConfirmDelete(true);
                    }}
                  >
                    Delete lifecycle configuration
                  </Button>
                ) : null}
                <Button
                  variant="primary"
                  onClick={() => {
                    write.reset();
                    setEditing({ index: null });
                  }}
                >
                  Add rule
                </Button>
              </ButtonRow>
            ) : null}
          </>
        )}
      </Tabs>
      {confirmDelete ? (
        <ConfirmDialog
          title="Delete the lifecycle configuration?"
          confirmLabel="Delete lifecycle configuration"
          danger
          onConfirm={() => {
            write.mutate(null);
          }}
          onClose={() => {
            setConfirmDelete(false);
          }}
        >
          <p>
            All {rules.length} rules go: the store stops expiring and moving objects in this bucket.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
