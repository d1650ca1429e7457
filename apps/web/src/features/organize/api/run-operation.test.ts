import { afterEach, describe, expect, it, vi } from 'vitest';
import { NDJSON, type CopyProgress } from '@stowage/shared';
import { ApiRequestError } from '@/lib/api-client';
import { runOperation, type Operation } from './run-operation';

const op: Operation = {
  kind: 'copy',
  bucket: 'b',
  body: { prefixes: ['a/'], to: { bucket: 'b', prefix: 'd/' }, conflict: 'fail' },
};

/** A streamed answer whose bytes arrive in these chunks. */
function ndjsonAnswer(chunks: string[]): Response {
  const bytes = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(bytes.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': NDJSON } });
}

function answerWith(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('runOperation', () => {
  it('asks for NDJSON with the CSRF header and reports each progress line, then the summary', async () => {
    const fetchMock = answerWith(
      ndjsonAnswer([
        '{"done":0,"bytes":0,"total":2,"totalBytes":10}\n{"done":1,"by',
        'tes":4,"total":2,"totalBytes":10}\n',
        '{"copied":2,"skipped":0,"errors":[],"cancelled":false}\n',
      ]),
    );
    const progress: CopyProgress[] = [];
    const result = await runOperation(op, {
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ copied: 2, skipped: 0, errors: [], cancelled: false });
    expect(progress.map((p) => p.done)).toEqual([0, 1]);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/buckets/b/copy');
    const headers = new Headers(init?.headers);
    expect(headers.get('accept')).toContain(NDJSON);
    expect(headers.get('x-stowage-csrf')).toBe('1');
    expect(JSON.parse(String(init?.body))).toMatchObject({ prefixes: ['a/'], conflict: 'fail' });
  });

  it('fails when the stream ends before its summary', async () => {
    answerWith(ndjsonAnswer(['{"done":1,"bytes":1,"total":3,"totalBytes":3}\n']));
    await expect(
      runOperation(op, { signal: new AbortController().signal, onProgress: () => undefined }),
    ).rejects.toThrow(/ended before its summary/);
  });

  it('turns a 409 into the API error with its code', async () => {
    answerWith(
      Response.json(
        {
          statusCode: 409,
          error: 'Conflict',
          code: 'DestinationExists',
          message: '2 destination keys exist',
          requestId: 'r1',
        },
        { status: 409 },
      ),
    );
    const error = await runOperation(op, {
      signal: new AbortController().signal,
      onProgress: () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: 'DestinationExists', message: '2 destination keys exist' });
  });

  it('reads a plain JSON answer too', async () => {
    answerWith(Response.json({ copied: 1, skipped: 1, errors: [], cancelled: false }));
    await expect(
      runOperation(
        { kind: 'rename', bucket: 'b', body: { from: 'a.txt', to: 'b.txt' } },
        { signal: new AbortController().signal, onProgress: () => undefined },
      ),
    ).resolves.toMatchObject({ copied: 1, skipped: 1 });
  });
});
