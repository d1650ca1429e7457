import { useId, type ReactNode } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { z } from 'zod';
import { SETTING_SCHEMAS, WRITABLE_SETTINGS, type SettingName } from '@stowage/shared';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage, hasCode } from '@/lib/api-client';
import { useSetting, useWriteSetting, type SettingDocuments } from '../api/settings';
import { toJsonText } from '../utils/json-errors';
import { JsonEditor } from './json-editor';
import styles from './settings.module.css';

type SettingSectionProps<N extends SettingName> = {
  bucket: string;
  name: N;
  readOnly: boolean;
  title: string;
  /** "lifecycle rules": in "This store does not support lifecycle rules." */
  what: string;
  description?: ReactNode;
  /** The capability probe said the store has no such API: nothing is asked. */
  unsupported: boolean;
  /** The section's content once the store answered with a document that fits (null: not set). */
  children: (value: SettingDocuments[N] | null) => ReactNode;
};

/**
 * One setting of the bucket: its heading, then what the store holds (loading, its value or
 * "Not set", "does not support", or why it could not be read) and the section's controls.
 * A document another tool wrote that does not fit the S3 shape is shown as JSON with what is
 * wrong, to be fixed there.
 */
export function SettingSection<N extends SettingName>(props: SettingSectionProps<N>) {
  const query = useSetting(props.bucket, props.name, { enabled: !props.unsupported });
  const titleId = useId();
  const notSupported = props.unsupported || hasCode(query.error, 'NotSupported');
  let body: ReactNode;
  if (notSupported) {
    body = <p className={styles.unsupported}>This store does not support {props.what}.</p>;
  } else if (query.error) {
    body = (
      <Banner
        title={`Could not read the ${props.what}.`}
        action={
          <Button size="sm" onClick={() => void query.refetch()}>
            Try again
          </Button>
        }
      >
        {errorMessage(query.error)}
      </Banner>
    );
  } else if (query.data === undefined) {
    body = <Spinner inline label={`Reading the ${props.what}…`} />;
  } else if (query.data !== null && !SETTING_SCHEMAS[props.name].safeParse(query.data).success) {
    body = (
      <UncheckedSetting
        bucket={props.bucket}
        name={props.name}
        readOnly={props.readOnly}
        what={props.what}
        document={query.data}
      />
    );
  } else {
    body = props.children(query.data);
  }
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.sectionTitle}>
        {props.title}
      </h2>
      {props.description && !notSupported ? (
        <p className={styles.description}>{props.description}</p>
      ) : null}
      {body}
    </section>
  );
}

type UncheckedProps = {
  bucket: string;
  name: SettingName;
  readOnly: boolean;
  what: string;
  document: unknown;
};

/** A stored document Stowage's schema refuses: shown as it is, fixed in JSON. */
function UncheckedSetting({ bucket, name, readOnly, what, document }: UncheckedProps) {
  const write = useWriteSetting(bucket, name);
  const writable = (WRITABLE_SETTINGS as readonly string[]).includes(name);
  return (
    <>
      <Banner tone="warning" title={`The ${what} do not fit the S3 shape Stowage checks.`}>
        Another tool wrote them. They are shown as the store holds them
        {writable && !readOnly ? '; fix them below and save' : ''}.
      </Banner>
      <WriteFeedback write={write} what={what} />
      <JsonEditor
        key={toJsonText(document)}
        label={`The ${what} (JSON)`}
        initialText={toJsonText(document)}
        schema={SETTING_SCHEMAS[name] as z.ZodType<unknown>}
        readOnly={readOnly || !writable}
        pending={write.isPending}
        onSave={(value) => {
          write.mutate(value as never);
        }}
      />
    </>
  );
}

/** "Not set": the bucket has no such setting (404 NotConfigured). */
export function NotSet({ children = 'Not set.' }: { children?: ReactNode }) {
  return <p className={styles.notSet}>{children}</p>;
}

type Write = Pick<
  UseMutationResult<unknown, Error, unknown>,
  'isError' | 'isSuccess' | 'error' | 'variables' | 'reset'
>;

/**
 * What the last Save or Delete did: the API's message on failure (a 400 names the field), or
 * a confirmation once the section shows what the store read back.
 */
export function WriteFeedback({ write, what }: { write: Write; what: string }) {
  if (write.isError) {
    return (
      <Banner
        title={`Could not ${write.variables === null ? 'remove' : 'save'} the ${what}.`}
        action={
          <Button size="sm" variant="ghost" onClick={write.reset}>
            Dismiss
          </Button>
        }
      >
        {errorMessage(write.error)}
      </Banner>
    );
  }
  if (write.isSuccess) {
    return (
      <Banner tone="info">
        {write.variables === null
          ? `Removed: the bucket has no ${what} now.`
          : `Saved. Shown as the store now holds them.`}
      </Banner>
    );
  }
  return null;
}
