import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import {
  ApiRequestError,
  errorFrom,
  NETWORK_ERROR_MESSAGE,
  reportUnauthorized,
} from './api-client';

export type UploadProgress = { loaded: number; total: number };

function xhrError(xhr: XMLHttpRequest): ApiRequestError {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // Not JSON: a proxy or gateway answered instead of the API.
  }
  return errorFrom(xhr.status, xhr.statusText, body);
}

/**
 * POST a multipart body (or PUT a part's bytes) with XMLHttpRequest: fetch() cannot report
 * upload progress. Errors are the same ApiRequestError as apiFetch's; an abort rejects with an
 * AbortError DOMException.
 */
export function apiUpload<T>(
  url: string,
  body: FormData | Blob,
  options: {
    onProgress?: (progress: UploadProgress) => void;
    signal?: AbortSignal;
    method?: 'POST' | 'PUT';
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const { onProgress, signal, method = 'POST', headers = {} } = options;
  return new Promise<T>((resolve, reject) => {
    const abortError = () => new DOMException('The upload was cancelled.', 'AbortError');
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbortSignal = () => {
      xhr.abort();
    };
    const settle = () => signal?.removeEventListener('abort', onAbortSignal);
    xhr.open(method, url);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      settle();
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = xhrError(xhr);
        reportUnauthorized(error);
        reject(error);
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(
          new ApiRequestError(xhr.status, 'The server sent a response that is not valid JSON.'),
        );
      }
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiRequestError(0, NETWORK_ERROR_MESSAGE));
    };
    xhr.onabort = () => {
      settle();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbortSignal);
    xhr.send(body);
  });
}
