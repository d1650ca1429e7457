import type { ObjectDetails, Tag, UpdateMetadataBody } from '@stowage/shared';

/** The system headers an edit may set, keep or remove. */
export const EDITABLE_HEADERS = [
  'contentType',
  'cacheControl',
  'contentDisposition',
  'contentEncoding',
  'contentLanguage',
  'expires',
] as const;
export type EditableHeader = (typeof EDITABLE_HEADERS)[number];

/** What the object should look like after the edit: null means "no such header". */
export interface EditPlan {
  headers: Record<EditableHeader, string | null>;
  metadata: Record<string, string>;
}

// HTTP drops the blanks at either end of a header value, so no store can keep them.
const clean = (v: string) => v.trim();

/** Absent keeps the current value, null (or blank) removes it, a string sets it. */
export function planMetadataEdit(current: ObjectDetails, body: UpdateMetadataBody): EditPlan {
  const headers = {} as EditPlan['headers'];
  for (const name of EDITABLE_HEADERS) {
    const asked = body[name];
    headers[name] =
      asked === undefined ? current[name] : asked === null ? null : clean(asked) || null;
  }
  const metadata = Object.fromEntries(
    Object.entries(body.metadata).map(([name, value]) => [name, clean(value)]),
  );
  return { headers, metadata };
}

// Without a Content-Type the store serves its default one.
const DEFAULT_TYPES = new Set(['binary/octet-stream', 'application/octet-stream']);

const sameDate = (a: string, b: string) => a === b || Date.parse(a) === Date.parse(b);

/** The fields the object does not show as planned (empty when the edit took effect). */
export function unappliedFields(plan: EditPlan, after: ObjectDetails): string[] {
  const wrong: string[] = [];
  for (const name of EDITABLE_HEADERS) {
    const want = plan.headers[name];
    const got = after[name];
    const ok =
      want === null
        ? got === null || (name === 'contentType' && DEFAULT_TYPES.has(got))
        : got !== null && (name === 'expires' ? sameDate(want, got) : want === got);
    if (!ok) wrong.push(name);
  }
  const names = new Set([...Object.keys(plan.metadata), ...Object.keys(after.metadata)]);
  for (const name of [...names].sort()) {
    if (plan.metadata[name] !== after.metadata[name]) wrong.push(`metadata "${name}"`);
  }
  return wrong;
}

/** Same tags, in any order. */
export function sameTags(a: Tag[], b: Tag[]): boolean {
  const key = (tags: Tag[]) =>
    tags
      .map((t) => JSON.stringify([t.key, t.value]))
      .sort()
      .join();
  return key(a) === key(b);
}

/** ETags compared without quotes or a weak marker (clients and stores differ). */
export const sameEtag = (a: string | null, b: string | null) => {
  const bare = (e: string | null) => (e ?? '').replace(/^W\//, '').replace(/"/g, '');
  return bare(a) === bare(b);
};
