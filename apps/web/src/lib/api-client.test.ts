import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSRF_HEADER } from '@stowage/shared';
import {
  apiDelete,
  apiGet,
  apiPost,
  apiPut,
  ApiRequestError,
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

const unauthorized = { statusCode: 401, error: 'Unauthorized', message: 'Sign in first.' };

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
  it('from any API call ends the session', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    answer(401, unauthorized);
    await expect(apiGet('/api/buckets')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('from the sign-in itself (wrong keys) is the form’s error, not an ended session', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    answer(401, { ...unauthorized, message: 'The access key or secret key is wrong.' });
    const error: unknown = await apiPost('/api/session', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).message).toBe('The access key or secret key is wrong.');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('is the only status that does', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    answer(403, { statusCode: 403, error: 'Forbidden', message: 'Read-only.' });
    await expect(apiPost('/api/buckets/b/delete', {})).rejects.toMatchObject({ status: 403 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('Retry-After', () => {
  it('is kept on a 429 in seconds', async () => {
    const body = { statusCode: 429, error: 'Too Many Requests', message: 'Too many attempts.' };
    answer(429, body, { 'retry-after': '42' });
    await expect(apiPost('/api/session', {})).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 42,
    });
  });

  it('is absent when the server sent none', async () => {
    answer(502, { statusCode: 502, error: 'Bad Gateway', message: 'The store is unreachable.' });
    await expect(apiGet('/api/buckets')).rejects.toMatchObject({ retryAfterSeconds: undefined });
  });
});
