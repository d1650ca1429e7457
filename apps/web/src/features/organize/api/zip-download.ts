import { ZIP_SELECTION_FIELD, zipPath, type ZipInput } from '@stowage/shared';
import { ApiRequestError, type ClientErrorCode } from '@/lib/api-client';

/** The hidden frame that receives the form's answer: a download, or an error body. */
const FRAME_NAME = 'stowage-zip-download';

/**
 * Downloads a selection of one folder as a zip (docs/adr/0009): a plain urlencoded form POST
 * in this page, its one field the selection as JSON, so the browser streams the answer to
 * disk as any download (a fetch would hold the whole zip in the page; a form cannot set the
 * CSRF header, and the API takes this form only from our own origin). It targets a hidden
 * frame: a zip becomes a download and the frame never loads; an error answer would load in
 * it, but the API's frame-ancestors 'none' blocks that (an error page we may not read), so a
 * load other than about:blank is reported to `onError` as a refusal.
 */
export function downloadSelectionZip(
  bucket: string,
  selection: ZipInput,
  onError: (error: ApiRequestError) => void,
): void {
  const frame = hiddenFrame();
  frame.onload = () => {
    const error = frameError(frame);
    if (error) onError(error);
  };
  const form = document.createElement('form');
  form.method = 'post';
  form.enctype = 'application/x-www-form-urlencoded';
  form.action = zipPath(bucket);
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

/** What a load of the frame says: nothing (about:blank), the API's JSON error, or a refusal. */
function frameError(frame: HTMLIFrameElement): ApiRequestError | null {
  let text: string;
  try {
    if (frame.contentWindow?.location.href === 'about:blank') return null;
    text = frame.contentDocument?.body.textContent ?? '';
  } catch {
    // The browser's error page (the answer was blocked from framing): not ours to read.
    return new ApiRequestError(0, 'The server refused the zip download.');
  }
  try {
    const body = JSON.parse(text) as { statusCode?: number; message?: string; code?: string };
    return new ApiRequestError(body.statusCode ?? 0, body.message ?? text, {
      code: (body.code ?? 'UnexpectedAnswer') as ClientErrorCode,
    });
  } catch {
    return new ApiRequestError(0, 'The server refused the zip download.');
  }
}
