import { type CorsRule } from '@stowage/shared';
import { corsRuleToForm, EMPTY_CORS_FORM, formToCorsRule } from '../utils/cors-form';
import { rulesDocument, withoutRule, withRule } from '../utils/rule-list';
import { CorsRuleForm } from './cors-rule-form';
import { RuleList } from './rule-list';
import { SettingEditor } from './setting-editor';
import { SettingSection } from './setting-section';
import styles from './settings.module.css';

type SectionProps = { bucket: string; readOnly: boolean; unsupported: boolean };

const COLUMNS = ['Origins', 'Methods', 'Allowed headers', 'Expose headers', 'Max age'] as const;

/** CORS: which web origins may call the bucket from a browser. */
export function CorsSection({ bucket, readOnly, unsupported }: SectionProps) {
  return (
    <SettingSection
      title="CORS"
      what="CORS configuration"
      description="Which web pages (origins) may read or write this bucket from a browser, with which methods and headers."
      bucket={bucket}
      name="cors"
      readOnly={readOnly}
      unsupported={unsupported}
    >
      {(doc) => (
        <SettingEditor
          bucket={bucket}
          name="cors"
          readOnly={readOnly}
          doc={doc}
          what="CORS rules"
          json={{ view: 'CORS view', formTab: 'Rules', label: 'CORS configuration (JSON)' }}
          remove={{
            label: 'Delete CORS configuration',
            title: 'Delete the CORS configuration?',
            question: <p>Browsers on other origins can then no longer call this bucket.</p>,
          }}
        >
          {({ write, save, deleteButton }) => {
            const rules = doc?.CORSRules ?? [];
            const saveRules = (next: CorsRule[], after?: () => void) => {
              save(rulesDocument('CORSRules', next), after);
            };
            return (
              <RuleList
                rules={rules}
                readOnly={readOnly}
                pending={write.isPending}
                emptyText="Not set: no CORS rules."
                label="CORS rules"
                columns={COLUMNS}
                row={(rule, index) => ({
                  name: rule.ID ?? `CORS rule ${String(index + 1)}`,
                  header: list(rule.AllowedOrigins),
                  cells: (
                    <>
                      <td>{list(rule.AllowedMethods)}</td>
                      <td className={styles.mono}>{list(rule.AllowedHeaders)}</td>
                      <td className={styles.mono}>{list(rule.ExposeHeaders)}</td>
                      <td>
                        {rule.MaxAgeSeconds === undefined ? '—' : `${String(rule.MaxAgeSeconds)} s`}
                      </td>
                    </>
                  ),
                })}
                onRemove={(index) => {
                  saveRules(withoutRule(rules, index));
                }}
                form={(edit, close) => (
                  <CorsRuleForm
                    title={edit.rule ? 'Edit CORS rule' : 'New CORS rule'}
                    initial={edit.rule ? corsRuleToForm(edit.rule) : EMPTY_CORS_FORM}
                    pending={write.isPending}
                    onCancel={close}
                    onSubmit={(values) => {
                      const rule = formToCorsRule(values);
                      saveRules(withRule(rules, edit.rule ? edit.index : null, rule), close);
                    }}
                  />
                )}
                addLabel="Add CORS rule"
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

const list = (values: readonly string[] | undefined) =>
  values && values.length > 0 ? values.join(', ') : '—';
