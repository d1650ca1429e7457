import { abortError } from './retry';

/**
 * One part sent straight to the store (direct transport, issue 22): a PUT to the presigned
 * UploadPart URL with the part's Content-MD5 (the store checks it), answering the part's ETag,
 * which the bucket's CORS must expose. No Content-Type (the slice has none): the CORS rule needs
 * to allow content-md5 only. Nothing of the session goes with it (no cookie, no CSRF header).
 */

export class StorePutError extends Error {
  override readonly name = 'StorePutError';
  /** 0: no answer the page may read (network down, or CORS refused it). */
  readonly status: number;
  /** The store's error code (`BadDigest`, `AccessDenied`…), when it answered one. */
  readonly code: string | undefined;
  constructor(status: number, message: string, code?: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** `<Code>` and `<Message>` of an S3 error body (XML), when there is one. */
function storeError(xhr: XMLHttpRequest): StorePutError {
  const text = typeof xhr.responseText === 'string' ? xhr.responseText : '';
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  const what = code === 'BadDigest' ? "the part's Content-MD5 does not match its bytes" : message;
  return new StorePutError(
    xhr.status,
    `The store refused the part (${xhr.status}${code ? ` ${code}` : ''})${what ? `: ${what}` : ''}`,
    code,
  );
}

export function putToStore(
  url: string,
  body: Blob,
  contentMd5: string,
  options: { signal: AbortSignal; onProgress?: (loaded: number) => void },
): Promise<string> {
  const { signal, onProgress } = options;
  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => {
      xhr.abort();
    };
    const settle = () => signal.removeEventListener('abort', onAbort);
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-MD5', contentMd5);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded);
    };
    xhr.onload = () => {
      settle();
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(storeError(xhr));
        return;
      }
      const etag = xhr.getResponseHeader('ETag');
      if (!etag) {
        reject(
          new StorePutError(
            0,
            "The store took the part but the page cannot read its ETag: the bucket's CORS does not expose it",
          ),
        );
        return;
      }
      resolve(etag);
    };
    xhr.onerror = () => {
      settle();
      reject(
        new StorePutError(0, 'The store could not be reached from this page (network or CORS)'),
      );
    };
    xhr.onabort = () => {
      settle();
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    xhr.send(body);
  });
}
