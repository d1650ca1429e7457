import { bucketPath } from '@stowage/shared';
import { ApiRequestError, type ClientErrorCode } from '@/lib/api-client';
import type { Items } from '@/utils/items';

/** The form's one field (ZIP_SELECTION_FIELD of packages/shared once the zip routes land). */
const ZIP_SELECTION_FIELD = 'selection';

/** The hidden frame that receives the form's answer: a download, or an error body. */
const FRAME_NAME = 'stowage-zip-download';

/**
 * Downloads a selection of one folder as a zip (docs/adr/0009): a plain urlencoded form POST
 * in this page, its one field the selection as JSON, so the browser streams the answer to
 * disk as any download (a fetch would hold the whole zip in the page; a form cannot set the
 * CSRF header, and the API takes this form only from our own origin). It targets a hidden
 * frame: a zip downloads and the page stays; an error answer (JSON) loads into the frame,
 * and `onError` gets it.
 */
export function downloadSelectionZip(
  bucket: string,
  selection: Items,
  onError: (error: ApiRequestError) => void,
): void {
  const frame = hiddenFrame();
  frame.onload = () => {
    const text = frame.contentDocument?.body.textContent ?? '';
    if (text.trim() === '') return;
    onError(toError(text));
  };
  const form = document.createElement('form');
  form.method = 'post';
  form.enctype = 'application/x-www-form-urlencoded';
  form.action = `${bucketPath(bucket)}/zip`;
  form.target = FRAME_NAME;
  form.hidden = true;
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = ZIP_SELECTION_FIELD;
  field.value = JSON.stringify(selection);
  form.append(field);
  document.body.append(form);
  form.submit();
  form.remove();
}

function hiddenFrame(): HTMLIFrameElement {
  const existing = document.querySelector<HTMLIFrameElement>(`iframe[name="${FRAME_NAME}"]`);
  if (existing) return existing;
  const frame = document.createElement('iframe');
  frame.name = FRAME_NAME;
  frame.title = 'Zip downloads';
  frame.hidden = true;
  document.body.append(frame);
  return frame;
}

function toError(text: string): ApiRequestError {
  try {
    const body = JSON.parse(text) as { statusCode?: number; message?: string; code?: string };
    return new ApiRequestError(body.statusCode ?? 0, body.message ?? text, {
      code: (body.code ?? 'UnexpectedAnswer') as ClientErrorCode,
    });
  } catch {
    return new ApiRequestError(0, 'The zip download failed.');
  }
}
