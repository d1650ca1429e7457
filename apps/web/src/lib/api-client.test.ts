import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSRF_HEADER } from '@stowage/shared';
import {
  apiDelete,
  apiGet,
  apiPost,
  apiPut,
  ApiRequestError,
  isUnavailableError,
  setUnauthorizedHandler,
} from './api-client';

// The browser's side of the contract, with fetch answered in memory; the e2e specs run it
// against the real API.
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === null ? null : JSON.stringify(body);
    return Promise.resolve(new Response(text, { status, headers }));
  });
  return calls;
}

function headerOf(init: RequestInit | undefined, name: string): string | null {
  return new Headers(init?.headers).get(name);
}

const apiError = (statusCode: number, code: string, message: string, error = 'Error') => ({
  statusCode,
  error,
  code,
  message,
  requestId: 'r1',
});
const unauthorized = apiError(401, 'NotSignedIn', 'Sign in first.', 'Unauthorized');

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
});

describe('CSRF header', () => {
  it.each([
    ['POST', () => apiPost('/api/buckets/b/delete', { keys: ['a'] })],
    ['PUT', () => apiPut('/api/buckets/b/object/tags?key=a', { tags: [] })],
    ['DELETE', () => apiDelete('/api/session')],
  ])('%s carries x-stowage-csrf: 1', async (_method, send) => {
    const calls = answer(200, {});
    await send();
    expect(headerOf(calls[0]?.init, CSRF_HEADER)).toBe('1');
  });

  it('a GET does not need it', async () => {
    const calls = answer(200, { buckets: [] });
    await apiGet('/api/buckets');
    expect(headerOf(calls[0]?.init, CSRF_HEADER)).toBeNull();
  });
});

describe('a 401', () => {
  it('from any API call ends the session (NotSignedIn, SessionEnded)', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    answer(401, unauthorized);
    await expect(apiGet('/api/buckets')).rejects.toMatchObject({
      status: 401,
      code: 'NotSignedIn',
      requestId: 'r1',
    });
    answer(401, apiError(401, 'SessionEnded', 'Your session has ended: sign in again'));
    await expect(apiGet('/api/buckets')).rejects.toMatchObject({ code: 'SessionEnded' });
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it('from the sign-in itself (wrong keys) is the form’s error, not an ended session', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    answer(401, apiError(401, 'KeysRefused', 'The access key or secret key is wrong.'));
    const error: unknown = await apiPost('/api/session', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).message).toBe('The access key or secret key is wrong.');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('is the only status that does', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    answer(403, apiError(403, 'ReadOnly', 'Read-only.', 'Forbidden'));
    await expect(apiPost('/api/buckets/b/delete', {})).rejects.toMatchObject({ status: 403 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('the code', () => {
  it("is the API's when it answered, and says so when something else did", async () => {
    answer(409, apiError(409, 'ObjectChanged', 'The object changed'));
    await expect(apiPut('/api/x', {})).rejects.toMatchObject({ code: 'ObjectChanged' });
    answer(502, null);
    await expect(apiGet('/api/x')).rejects.toMatchObject({ code: 'GatewayError' });
    answer(500, { message: 'not ours' });
    await expect(apiGet('/api/x')).rejects.toMatchObject({ code: 'UnexpectedAnswer' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiGet('/api/x')).rejects.toMatchObject({ status: 0, code: 'NetworkError' });
  });

  it('makes the store down, busy or slow, a gateway and the network "unavailable"', () => {
    for (const code of ['StoreUnavailable', 'StoreBusy', 'StoreTimeout'] as const) {
      expect(isUnavailableError(new ApiRequestError(502, 'x', { code }))).toBe(true);
    }
    expect(isUnavailableError(new ApiRequestError(0, 'x'))).toBe(true);
    expect(isUnavailableError(new ApiRequestError(502, 'x'))).toBe(true);
    // An instance draining for a restart: the retry reaches another one.
    expect(isUnavailableError(new ApiRequestError(503, 'x', { code: 'ServerRestarting' }))).toBe(
      true,
    );
    expect(isUnavailableError(new ApiRequestError(404, 'x', { code: 'NoSuchKey' }))).toBe(false);
  });
});

describe('Retry-After', () => {
  it('is kept on a 429 in seconds', async () => {
    const body = apiError(429, 'TooManyRequests', 'Too many attempts.', 'Too Many Requests');
    answer(429, body, { 'retry-after': '42' });
    await expect(apiPost('/api/session', {})).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 42,
    });
  });

  it('is absent when the server sent none', async () => {
    answer(502, apiError(502, 'StoreUnavailable', 'The store is unreachable.', 'Bad Gateway'));
    await expect(apiGet('/api/buckets')).rejects.toMatchObject({ retryAfterSeconds: undefined });
  });
});
