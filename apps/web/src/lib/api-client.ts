import type { ApiError } from '@stowage/shared';

/** Any failed API call: `status` is the HTTP status, or 0 when the server could not be reached. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  readonly status: number;
  /** The HTTP reason from the error body ("Not Found", "Bad Gateway"...), when there was one. */
  readonly error: string | undefined;

  constructor(status: number, message: string, error?: string) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

export const NETWORK_ERROR_MESSAGE =
  'Cannot reach the Stowage server. Check your network connection and that the server is running.';

type Query = Record<string, string | number | undefined>;

/** `/api/...` plus a query string where every value goes through encodeURIComponent. */
export function apiUrl(path: string, query: Query = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
}

/** `/api/buckets/:bucket` with the bucket as one encoded path segment. */
export function bucketPath(bucket: string): string {
  return `/api/buckets/${encodeURIComponent(bucket)}`;
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ApiError>;
  return typeof candidate.statusCode === 'number' && typeof candidate.message === 'string';
}

async function toApiRequestError(res: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: a proxy or gateway answered instead of the API.
  }
  if (isApiError(body)) return new ApiRequestError(res.status, body.message, body.error);
  const reason = res.statusText ? ` ${res.statusText}` : '';
  return new ApiRequestError(
    res.status,
    `The server answered HTTP ${String(res.status)}${reason}.`,
  );
}

/** fetch() that turns network failures and non-2xx answers into ApiRequestError. */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    // A cancelled query must stay an AbortError so TanStack Query ignores it.
    if (init.signal?.aborted) throw err;
    throw new ApiRequestError(0, NETWORK_ERROR_MESSAGE);
  }
  if (!res.ok) throw await toApiRequestError(res);
  return res;
}

/** GET a JSON body. The shapes come from @stowage/shared; the server validates its responses. */
export async function apiGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await apiFetch(url, {
    signal: signal ?? null,
    headers: { Accept: 'application/json' },
  });
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiRequestError(res.status, 'The server sent a response that is not valid JSON.');
  }
}

/** 502/503/504 (the store is down or slow) and unreachable API: problems for the whole app. */
export function isUnavailableError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && [0, 502, 503, 504].includes(error.status);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
