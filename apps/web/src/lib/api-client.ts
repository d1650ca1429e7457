import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  ERROR_STATUS,
  type ApiError,
  type ErrorCode,
} from '@stowage/shared';

/**
 * What went wrong, as the app branches on it: the API's stable code, or one of ours when no
 * API answer said (the server unreachable; a proxy's answer that is not the API's).
 */
export type ClientErrorCode = ErrorCode | 'NetworkError' | 'GatewayError' | 'UnexpectedAnswer';

/** Any failed API call: `status` is the HTTP status, or 0 when the server could not be reached. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  readonly status: number;
  readonly code: ClientErrorCode;
  /** The request's id in the server log, when the API answered. */
  readonly requestId: string | undefined;
  /** The HTTP reason from the error body ("Not Found", "Bad Gateway"...), when there was one. */
  readonly error: string | undefined;
  /** Seconds from a Retry-After header (429 too many attempts), when there was one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    message: string,
    details: {
      code?: ClientErrorCode;
      requestId?: string;
      error?: string;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.status = status;
    this.code = details.code ?? codeWithoutBody(status);
    this.requestId = details.requestId;
    this.error = details.error;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** No API body said: the network (0), a gateway that cannot reach the API, or something else. */
function codeWithoutBody(status: number): ClientErrorCode {
  if (status === 0) return 'NetworkError';
  return [502, 503, 504].includes(status) ? 'GatewayError' : 'UnexpectedAnswer';
}

/** Does this error say so? (One code, or any of several.) */
export function hasCode(error: unknown, ...codes: ClientErrorCode[]): error is ApiRequestError {
  return error instanceof ApiRequestError && codes.includes(error.code);
}

/**
 * Called when the API answers 401 to a signed-in call: the session ended (expired, signed out
 * in another tab, server restarted). The app provider registers what happens then.
 */
let onUnauthorized: (() => void) | null = null;

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Only these say the session is over; a refused sign-in (KeysRefused…) is the form's error. */
export function reportUnauthorized(error: ApiRequestError): void {
  if (error.code === 'NotSignedIn' || error.code === 'SessionEnded') onUnauthorized?.();
}

/** Reads and writes that change state carry the CSRF header: a cross-site form cannot set it. */
function isStateChanging(method: string | undefined): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes((method ?? 'GET').toUpperCase());
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
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

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ApiError>;
  return (
    typeof candidate.statusCode === 'number' &&
    typeof candidate.message === 'string' &&
    typeof candidate.code === 'string' &&
    candidate.code in ERROR_STATUS
  );
}

/** The error an API error body (or another answer) makes. */
export function errorFrom(status: number, statusText: string, body: unknown, retryAfter?: number) {
  if (isApiError(body)) {
    return new ApiRequestError(status, body.message, {
      code: body.code,
      requestId: body.requestId,
      error: body.error,
      retryAfterSeconds: retryAfter,
    });
  }
  // Not the API's answer: a proxy or gateway in front of it (502/503/504: it cannot reach it).
  const reason = statusText ? ` ${statusText}` : '';
  return new ApiRequestError(status, `The server answered HTTP ${String(status)}${reason}.`, {
    retryAfterSeconds: retryAfter,
  });
}

async function toApiRequestError(res: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: a proxy or gateway answered instead of the API.
  }
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
  return errorFrom(res.status, res.statusText, body, retryAfter);
}

/**
 * fetch() that turns network failures and non-2xx answers into ApiRequestError, adds the CSRF
 * header to state-changing requests, and reports a 401 (the session ended).
 */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (isStateChanging(init.method)) headers.set(CSRF_HEADER, CSRF_HEADER_VALUE);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers });
  } catch (err) {
    // A cancelled query must stay an AbortError so TanStack Query ignores it.
    if (init.signal?.aborted) throw err;
    throw new ApiRequestError(0, NETWORK_ERROR_MESSAGE);
  }
  if (!res.ok) {
    const error = await toApiRequestError(res);
    reportUnauthorized(error);
    throw error;
  }
  return res;
}

async function readJson<T>(res: Response): Promise<T> {
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiRequestError(res.status, 'The server sent a response that is not valid JSON.');
  }
}

/** GET a JSON body. The shapes come from @stowage/shared; the server validates its responses. */
export async function apiGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await apiFetch(url, {
    signal: signal ?? null,
    headers: { Accept: 'application/json' },
  });
  return readJson<T>(res);
}

/** The one way in for JSON writes: a JSON body out, a JSON body (or nothing, on 204) back. */
async function apiSend<T>(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await apiFetch(url, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  return readJson<T>(res);
}

export function apiPost<T>(url: string, body: unknown): Promise<T> {
  return apiSend<T>('POST', url, body);
}

export function apiPut<T>(url: string, body: unknown): Promise<T> {
  return apiSend<T>('PUT', url, body);
}

/** A DELETE; most answer 204 (undefined), a few a body (sign-out of an SSO session). */
export function apiDelete<T = undefined>(url: string): Promise<T | undefined> {
  return apiSend<T | undefined>('DELETE', url);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The store down, busy or slow, the API unreachable, or the instance that answered shutting
 * down (ServerRestarting: sent again, it reaches one still running): problems for the whole app.
 */
export function isUnavailableError(error: unknown): error is ApiRequestError {
  return hasCode(
    error,
    'StoreUnavailable',
    'StoreBusy',
    'StoreTimeout',
    'NetworkError',
    'GatewayError',
    'ServerRestarting',
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
