import { type LifecycleRule } from '@stowage/shared';
import {
  describeActions,
  describeFilter,
  EMPTY_LIFECYCLE_FORM,
  formToRule,
  freeRuleId,
  ruleToForm,
} from '../utils/lifecycle-form';
import { rulesDocument, withoutRule, withRule } from '../utils/rule-list';
import { LifecycleRuleForm } from './lifecycle-rule-form';
import { RuleList } from './rule-list';
import { SettingEditor } from './setting-editor';
import { SettingSection } from './setting-section';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };

const COLUMNS = ['Rule', 'Status', 'Applies to', 'Actions'] as const;

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
      {(doc) => (
        <SettingEditor
          bucket={bucket}
          name="lifecycle"
          readOnly={readOnly}
          doc={doc}
          what="lifecycle rules"
          refusedTitle="These rules cannot be saved."
          json={{
            view: 'Lifecycle view',
            formTab: 'Rules',
            label: 'Lifecycle configuration (JSON)',
          }}
          remove={{
            label: 'Delete lifecycle configuration',
            title: 'Delete the lifecycle configuration?',
            question: (
              <p>
                All {doc?.Rules.length ?? 0} rules go: the store stops expiring and moving objects
                in this bucket.
              </p>
            ),
          }}
        >
          {({ write, save, deleteButton }) => {
            const rules = doc?.Rules ?? [];
            // The whole rule set goes back to the store; none left removes the configuration.
            const saveRules = (next: LifecycleRule[], after?: () => void) => {
              save(rulesDocument('Rules', next), after);
            };
            return (
              <RuleList
                rules={rules}
                readOnly={readOnly}
                pending={write.isPending}
                emptyText="Not set: no lifecycle rules."
                label="Lifecycle rules"
                columns={COLUMNS}
                row={(rule, index) => ({
                  name: rule.ID ?? `Rule ${String(index + 1)}`,
                  header: rule.ID ?? `Rule ${String(index + 1)}`,
                  editable: ruleToForm(rule) !== null,
                  cells: (
                    <>
                      <td>{rule.Status}</td>
                      <td className={styles.mono}>{describeFilter(rule)}</td>
                      <td>
                        <ul className={styles.plainList}>
                          {describeActions(rule).map((a) => (
                            <li key={a}>{a}</li>
                          ))}
                        </ul>
                      </td>
                    </>
                  ),
                })}
                onRemove={(index) => {
                  saveRules(withoutRule(rules, index));
                }}
                form={(edit, close) => (
                  <LifecycleRuleForm
                    title={edit.rule ? `Edit rule ${edit.rule.ID ?? ''}` : 'New lifecycle rule'}
                    initial={
                      (edit.rule ? ruleToForm(edit.rule) : null) ?? {
                        ...EMPTY_LIFECYCLE_FORM,
                        id: freeRuleId(rules),
                      }
                    }
                    pending={write.isPending}
                    onCancel={close}
                    onSubmit={(values) => {
                      const rule = formToRule(values, edit.rule);
                      saveRules(withRule(rules, edit.rule ? edit.index : null, rule), close);
                    }}
                  />
                )}
                addLabel="Add rule"
                onAdd={write.reset}
                deleteButton={deleteButton}
              />
            );
          }}
        </SettingEditor>
      )}
    </SettingSection>
  );
}
