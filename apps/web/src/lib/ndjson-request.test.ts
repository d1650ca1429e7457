import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSRF_HEADER, NDJSON, type UsageResult } from '@stowage/shared';
import { streamUsage, usageUrl, type UsageProgress } from './bucket-usage';

const result: UsageResult = {
  objects: 3,
  bytes: 30,
  largest: [{ key: 'a', size: 20, lastModified: null }],
  uploads: { count: 1, bytes: 5 },
  noncurrent: null,
  cancelled: false,
};

function answer(chunks: string[], contentType = NDJSON): Response {
  const bytes = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(bytes.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': contentType } });
}

function answerWith(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('streamUsage (ndjsonRequest with GET)', () => {
  it('GETs the usage of a folder as NDJSON, reports each count, then the totals', async () => {
    const fetchMock = answerWith(
      answer([
        '{"objects":1,"bytes":10}\n{"obj',
        `ects":2,"bytes":20}\n${JSON.stringify(result)}\n`,
      ]),
    );
    const seen: UsageProgress[] = [];
    const totals = await streamUsage('b', 'dir/', {
      signal: new AbortController().signal,
      onProgress: (p) => seen.push(p),
    });
    expect(totals).toEqual(result);
    expect(seen).toEqual([
      { objects: 1, bytes: 10 },
      { objects: 2, bytes: 20 },
    ]);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/buckets/b/usage?prefix=dir%2F');
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeNull();
    const headers = new Headers(init?.headers);
    expect(headers.get('accept')).toContain(NDJSON);
    expect(headers.has('content-type')).toBe(false);
    expect(headers.has(CSRF_HEADER)).toBe(false);
  });

  it('a stream cut before its totals is an error, not partial totals', async () => {
    answerWith(answer(['{"objects":1,"bytes":10}\n']));
    await expect(
      streamUsage('b', '', { signal: new AbortController().signal, onProgress: () => undefined }),
    ).rejects.toMatchObject({ code: 'UnexpectedAnswer', message: /ended before its summary/ });
  });

  it('takes a plain JSON answer as the totals', async () => {
    answerWith(answer([JSON.stringify(result)], 'application/json'));
    await expect(
      streamUsage('b', '', { signal: new AbortController().signal, onProgress: () => undefined }),
    ).resolves.toEqual(result);
  });

  it('names the bucket only when there is no prefix', () => {
    expect(usageUrl('my b', '')).toBe('/api/buckets/my%20b/usage');
  });
});
