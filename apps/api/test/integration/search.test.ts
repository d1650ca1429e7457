import net from 'node:net';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SEARCH_PROGRESS_MS,
  SearchLineSchema,
  type SearchDoneLine,
  type SearchMatchLine,
} from '@stowage/shared';
import { dropBucket, ndjsonLines, putMany } from '../bucket-admin.js';
import { until } from '../fixtures.js';
import { build, createBucket, fixtureClient, q, type TestApp } from '../helper.js';
import { listenOnLoopback } from '../raw-http.js';
import type { SearchPage } from '../../src/store/s3-search.js';

const s3 = fixtureClient();
const apps: TestApp[] = [];
let app: TestApp;
/** The seeded tree of nasty keys. */
let bucket: string;
/** Many keys (`k/0000`…): pages, progress, a closed stream. */
let big: string;
const BIG = 3_000;

/** Put first, then (past a second boundary) `later`: sizes all distinct. */
const earlier: Record<string, number> = {
  '.hidden/.env': 10,
  'notes/.dotfile': 11,
  'data/star*name.csv': 50,
  'data/starXname.csv': 55,
  'data/question?.csv': 60,
  'data/questionX.csv': 65,
  'data/[bracket].csv': 70,
  'data/b.csv': 90,
  'docs/Report.PDF': 100,
  'docs/report-2024.pdf': 200,
  'docs/2024-q1/report1.pdf': 300,
  'docs/2024-q1/report2.csv': 400,
  'unicode/日本語 ファイル.txt': 500,
  'unicode/émoji 🎉 Report.txt': 600,
  'with space/a file.TXT': 700,
  'deep/a/b/c/d/report.csv': 800,
};
const later: Record<string, number> = {
  'new/report-new.csv': 1000,
  'new/big.bin': 5000,
  'docs/2024-q1/report3.csv': 1200,
};
const all = { ...earlier, ...later };
const allKeys = Object.keys(all);
/** A share link's record: in the bucket, never in a search that does not look inside it. */
const record = '.stowage/links/abc.json';
let boundary: string;

const put = (b: string, key: string, size: number) =>
  s3.send(new PutObjectCommand({ Bucket: b, Key: key, Body: Buffer.alloc(size, 1) }));

beforeAll(async () => {
  app = await build();
  apps.push(app);
  bucket = await createBucket(app, 'search');
  big = await createBucket(app, 'search-big');
  for (const [key, size] of Object.entries(earlier)) await put(bucket, key, size);
  await put(bucket, record, 20);
  // The later keys are modified at least a second after every earlier one (stores keep seconds).
  await new Promise((r) => setTimeout(r, 1_100));
  for (const [key, size] of Object.entries(later)) await put(bucket, key, size);
  const listed = ndjsonLines(
    (await app.inject(`/api/buckets/${bucket}/search?limit=100`)).payload,
  ) as unknown as SearchMatchLine[];
  const at = (keys: string[]) =>
    listed.filter((l) => keys.includes(l.key)).map((l) => Date.parse(l.lastModified!));
  const firstLater = Math.min(...at(Object.keys(later)));
  expect(Math.max(...at(Object.keys(earlier)))).toBeLessThan(firstLater);
  boundary = new Date(firstLater).toISOString();
  await putMany(s3, big, 'k/', BIG);
});
afterAll(async () => {
  await dropBucket(s3, bucket);
  await dropBucket(s3, big);
  for (const a of apps) await a.close();
});

interface Answer {
  status: number;
  type: string | undefined;
  matches: SearchMatchLine[];
  progress: number[];
  done: SearchDoneLine | undefined;
  json: Record<string, unknown> | undefined;
}

/** A search, its NDJSON lines checked against the contract and sorted by kind. */
async function search(
  params: Record<string, string | number | undefined>,
  on: TestApp = app,
  b = bucket,
): Promise<Answer> {
  const res = await on.inject(`/api/buckets/${b}/search?${q(params)}`);
  const type = res.headers['content-type'] as string | undefined;
  if (res.statusCode !== 200) {
    return {
      status: res.statusCode,
      type,
      matches: [],
      progress: [],
      done: undefined,
      json: res.json(),
    };
  }
  expect(type).toMatch(/^application\/x-ndjson/);
  const lines = res.payload.split('\n');
  expect(lines.pop()).toBe('');
  const parsed = lines.map((l) => SearchLineSchema.parse(JSON.parse(l)));
  const done = parsed.at(-1) as SearchDoneLine;
  expect(done.done).toBe(true);
  const body = parsed.slice(0, -1);
  expect(body.some((l) => 'done' in l)).toBe(false);
  return {
    status: 200,
    type,
    matches: body.filter((l): l is SearchMatchLine => 'key' in l),
    progress: body.flatMap((l) => ('scanned' in l && !('done' in l) ? [l.scanned] : [])),
    done,
    json: undefined,
  };
}

/** The keys a search found, checked against its done line. */
async function found(params: Record<string, string | number | undefined>): Promise<string[]> {
  const a = await search(params);
  expect(a.status, JSON.stringify(a.json)).toBe(200);
  expect(a.done).toMatchObject({ matches: a.matches.length, truncated: false });
  expect(a.done!.error).toBeUndefined();
  return a.matches.map((m) => m.key).sort();
}

const keysWhere = (pick: (key: string, size: number) => boolean) =>
  allKeys.filter((k) => pick(k, all[k]!)).sort();
const sorted = (keys: string[]) => [...keys].sort();

describe('GET /api/buckets/:bucket/search: what it finds', () => {
  it('an empty search finds every key (not the link records), each as listed', async () => {
    const a = await search({});
    expect(a.matches.map((m) => m.key).sort()).toEqual(sorted(allKeys));
    expect(a.done).toEqual({
      done: true,
      scanned: allKeys.length,
      matches: allKeys.length,
      truncated: false,
    });
    for (const m of a.matches) {
      expect(m.size).toBe(all[m.key]);
      expect(m.etag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(Number.isNaN(Date.parse(m.lastModified!))).toBe(false);
    }
    // Inside the records' folder, they are searched.
    expect(await found({ prefix: '.stowage/' })).toEqual([record]);
    expect(await found({ prefix: '.stowage/links/', q: 'abc' })).toEqual([record]);
  });

  it('a substring, ignoring case unless matchCase', async () => {
    expect(await found({ q: 'report' })).toEqual(
      keysWhere((k) => k.toLowerCase().includes('report')),
    );
    expect(await found({ q: 'REPORT' })).toEqual(await found({ q: 'report' }));
    expect(await found({ q: 'Report', matchCase: 1 })).toEqual(
      sorted(['docs/Report.PDF', 'unicode/émoji 🎉 Report.txt']),
    );
    expect(await found({ q: 'report', matchCase: 'true' })).toEqual(
      keysWhere((k) => k.includes('report')),
    );
    // Special characters are plain characters in a substring.
    expect(await found({ q: '*' })).toEqual(['data/star*name.csv']);
    expect(await found({ q: '?' })).toEqual(['data/question?.csv']);
    expect(await found({ q: '[bracket]' })).toEqual(['data/[bracket].csv']);
    expect(await found({ q: '日本語 フ' })).toEqual(['unicode/日本語 ファイル.txt']);
    expect(await found({ q: '🎉' })).toEqual(['unicode/émoji 🎉 Report.txt']);
    expect(await found({ q: 'a file' })).toEqual(['with space/a file.TXT']);
    expect(await found({ q: 'dotfile' })).toEqual(['notes/.dotfile']);
    expect(await found({ q: 'no such thing' })).toEqual([]);
  });

  it('the name is the key relative to the prefix', async () => {
    expect(await found({ prefix: 'docs/', q: '2024' })).toEqual(
      sorted([
        'docs/report-2024.pdf',
        'docs/2024-q1/report1.pdf',
        'docs/2024-q1/report2.csv',
        'docs/2024-q1/report3.csv',
      ]),
    );
    expect(await found({ prefix: 'docs/', q: 'docs' })).toEqual([]);
    expect(await found({ prefix: 'docs/2024-q1/' })).toEqual(
      keysWhere((k) => k.startsWith('docs/2024-q1/')),
    );
    expect(await found({ prefix: 'nowhere/' })).toEqual([]);
  });

  it('a glob without "/" matches the file name, in any folder', async () => {
    expect(await found({ q: '*.csv', glob: 1 })).toEqual(keysWhere((k) => k.endsWith('.csv')));
    expect(await found({ q: '*.pdf', glob: 1 })).toEqual(
      keysWhere((k) => k.toLowerCase().endsWith('.pdf')),
    );
    expect(await found({ q: '*.pdf', glob: 1, matchCase: 1 })).toEqual(
      keysWhere((k) => k.endsWith('.pdf')),
    );
    expect(await found({ q: 'report?.pdf', glob: 1 })).toEqual(['docs/2024-q1/report1.pdf']);
    expect(await found({ q: 'report{1,2}.*', glob: 1 })).toEqual(
      sorted(['docs/2024-q1/report1.pdf', 'docs/2024-q1/report2.csv']),
    );
    // Dot files match.
    expect(await found({ q: '.*', glob: 1 })).toEqual(sorted(['.hidden/.env', 'notes/.dotfile']));
    expect(await found({ q: '*env', glob: 1 })).toEqual(['.hidden/.env']);
    // A folder's name is not the file's.
    expect(await found({ q: 'docs', glob: 1 })).toEqual([]);
    expect(await found({ q: '*.TXT', glob: 1, matchCase: 1 })).toEqual(['with space/a file.TXT']);
    expect(await found({ q: '日本語*', glob: 1 })).toEqual(['unicode/日本語 ファイル.txt']);
  });

  it('a glob with "/" matches the whole relative name; ** crosses folders', async () => {
    expect(await found({ q: 'docs/*/report*.csv', glob: 1 })).toEqual(
      sorted(['docs/2024-q1/report2.csv', 'docs/2024-q1/report3.csv']),
    );
    expect(await found({ q: 'docs/*.pdf', glob: 1 })).toEqual(
      sorted(['docs/Report.PDF', 'docs/report-2024.pdf']),
    );
    expect(await found({ q: '**/report.csv', glob: 1 })).toEqual(['deep/a/b/c/d/report.csv']);
    expect(await found({ q: 'deep/**', glob: 1 })).toEqual(['deep/a/b/c/d/report.csv']);
    expect(await found({ q: '**/*.csv', glob: 1 })).toEqual(keysWhere((k) => k.endsWith('.csv')));
    expect(await found({ q: 'with space/*', glob: 1 })).toEqual(['with space/a file.TXT']);
    expect(await found({ prefix: 'docs/', q: '2024-*/report?.pdf', glob: 1 })).toEqual([
      'docs/2024-q1/report1.pdf',
    ]);
    // Relative to the prefix: the prefix is not part of the name.
    expect(await found({ prefix: 'docs/', q: 'docs/**', glob: 1 })).toEqual([]);
  });

  it('escaped \\* \\? \\[ are literal; unescaped they are wildcards', async () => {
    expect(await found({ q: 'star*name.csv', glob: 1 })).toEqual(
      sorted(['data/star*name.csv', 'data/starXname.csv']),
    );
    expect(await found({ q: 'star\\*name.csv', glob: 1 })).toEqual(['data/star*name.csv']);
    expect(await found({ q: 'question?.csv', glob: 1 })).toEqual(
      sorted(['data/question?.csv', 'data/questionX.csv']),
    );
    expect(await found({ q: 'question\\?.csv', glob: 1 })).toEqual(['data/question?.csv']);
    // A class of one character, or (picomatch's default for a plain bracket expression) the
    // brackets as written; escaped, only the brackets as written.
    expect(await found({ q: '[bracket].csv', glob: 1 })).toEqual(
      sorted(['data/b.csv', 'data/[bracket].csv']),
    );
    expect(await found({ q: '[b-c].csv', glob: 1 })).toEqual(['data/b.csv']);
    expect(await found({ q: '\\[bracket\\].csv', glob: 1 })).toEqual(['data/[bracket].csv']);
    expect(await found({ q: 'data/\\[*', glob: 1 })).toEqual(['data/[bracket].csv']);
  });

  it('a size range, both ends inclusive', async () => {
    expect(await found({ minSize: 500, maxSize: 1000 })).toEqual(
      keysWhere((_k, s) => s >= 500 && s <= 1000),
    );
    expect(await found({ minSize: 1001 })).toEqual(keysWhere((_k, s) => s >= 1001));
    expect(await found({ maxSize: 55 })).toEqual(keysWhere((_k, s) => s <= 55));
    expect(await found({ minSize: 600, maxSize: 600 })).toEqual(['unicode/émoji 🎉 Report.txt']);
    expect(await found({ minSize: 5001 })).toEqual([]);
  });

  it('a date range: modifiedAfter inclusive, modifiedBefore exclusive', async () => {
    const laterKeys = sorted(Object.keys(later));
    const earlierKeys = sorted(Object.keys(earlier));
    expect(await found({ modifiedAfter: boundary })).toEqual(laterKeys);
    expect(await found({ modifiedBefore: boundary })).toEqual(earlierKeys);
    expect(await found({ modifiedAfter: '2000-01-01', modifiedBefore: '2999-01-01' })).toEqual(
      sorted(allKeys),
    );
    expect(await found({ modifiedAfter: '2999-01-01' })).toEqual([]);
    expect(await found({ modifiedBefore: '2000-01-01T00:00:00Z' })).toEqual([]);
  });

  it('filters combined: all must hold', async () => {
    expect(await found({ q: '*.csv', glob: 1, minSize: 300, modifiedBefore: boundary })).toEqual(
      sorted(['docs/2024-q1/report2.csv', 'deep/a/b/c/d/report.csv']),
    );
    expect(await found({ q: 'report', modifiedAfter: boundary, maxSize: 1100 })).toEqual([
      'new/report-new.csv',
    ]);
    expect(await found({ prefix: 'docs/', q: 'REPORT', matchCase: 1, minSize: 0 })).toEqual([]);
  });

  it('limit ends the scan with truncated: true', async () => {
    const a = await search({ limit: 3 });
    expect(a.matches).toHaveLength(3);
    expect(a.done).toMatchObject({ matches: 3, truncated: true });
    expect(a.done!.scanned).toBe(3);
    const csv = await search({ q: '*.csv', glob: 1, limit: 2 });
    expect(csv.matches).toHaveLength(2);
    expect(csv.done).toMatchObject({ matches: 2, truncated: true });
    // Exactly as many as there are: nothing was left, so not truncated.
    const exact = await search({ limit: allKeys.length });
    expect(exact.done).toMatchObject({ matches: allKeys.length, truncated: false });
    // Across pages: the first 1,500 of 3,000.
    const many = await search({ limit: 1500 }, app, big);
    expect(many.matches).toHaveLength(1500);
    expect(many.matches.at(-1)!.key).toBe('k/1499');
    expect(many.done).toMatchObject({ matches: 1500, scanned: 1500, truncated: true });
  });

  it('finds every match across pages, in listing order', async () => {
    const a = await search({ q: '7', matchCase: 1 }, app, big);
    const expected = Array.from(
      { length: BIG },
      (_, i) => `k/${String(i).padStart(4, '0')}`,
    ).filter((k) => k.includes('7'));
    expect(a.matches.map((m) => m.key)).toEqual(expected);
    expect(a.done).toEqual({
      done: true,
      scanned: BIG,
      matches: expected.length,
      truncated: false,
    });
  });
});

describe('GET /api/buckets/:bucket/search: bad input and failures', () => {
  it('is documented: its parameters and its NDJSON lines', async () => {
    const doc = (await app.inject('/api/docs/json')).json<{
      paths: Record<string, Record<string, Record<string, unknown>>>;
    }>();
    const op = doc.paths['/api/buckets/{bucket}/search']!.get!;
    const params = (op.parameters as { name: string }[]).map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['prefix', 'q', 'glob', 'matchCase', 'limit']));
    const ok = (op.responses as Record<string, { content: Record<string, unknown> }>)['200']!;
    expect(Object.keys(ok.content)).toEqual(['application/x-ndjson']);
  });

  it('answers 400 naming each bad parameter, before anything is listed', async () => {
    let lists = 0;
    const counted = await build();
    apps.push(counted);
    counted.objectStore.aroundSends((name, _input, send) => {
      if (name === 'ListObjectsV2') lists += 1;
      return send();
    });
    const cases: [Record<string, string | number>, string][] = [
      [{ q: '[abc', glob: 1 }, 'q'],
      [{ q: 'a[', glob: 'true' }, 'q'],
      [{ minSize: 10, maxSize: 5 }, 'minSize'],
      [{ minSize: -1 }, 'minSize'],
      [{ maxSize: 'big' }, 'maxSize'],
      [{ modifiedAfter: 'yesterday' }, 'modifiedAfter'],
      [{ modifiedBefore: '2024-13-45' }, 'modifiedBefore'],
      [{ modifiedAfter: '2025-01-02', modifiedBefore: '2025-01-01' }, 'modifiedAfter'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 100_001 }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ glob: 'maybe' }, 'glob'],
      [{ matchCase: 'yes' }, 'matchCase'],
    ];
    for (const [params, name] of cases) {
      const a = await search(params, counted);
      expect(a.status, JSON.stringify(params)).toBe(400);
      expect(a.json).toMatchObject({ code: 'BadRequest' });
      expect(String(a.json!.message), JSON.stringify(params)).toContain(name);
    }
    expect(lists).toBe(0);
  });

  it('answers 404 for a missing bucket, 403 outside the allowlist (ordinary JSON errors)', async () => {
    const missing = await search({ q: 'x' }, app, `t-no-such-${Date.now()}`);
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/^application\/json/);
    expect(missing.json).toMatchObject({ code: 'NoSuchBucket' });
    const limited = await build({}, { profile: { buckets: ['some-other-bucket'] } });
    apps.push(limited);
    const refused = await search({}, limited);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'BucketNotAllowed' });
  });

  it('a store failing on the first page is a mapped error answer', async () => {
    const failing = await build();
    apps.push(failing);
    failing.objectStore.aroundSends((name, _input, send) => {
      if (name !== 'ListObjectsV2') return send();
      return Promise.reject(
        Object.assign(new Error('boom'), {
          name: 'AccessDenied',
          $metadata: { httpStatusCode: 403 },
        }),
      );
    });
    const denied = await search({ q: 'x' }, failing);
    expect(denied.status).toBe(403);
    expect(denied.json).toMatchObject({ code: 'StoreRefused' });
  });

  it('a store failing mid-scan ends the stream with the done line carrying the error', async () => {
    const failing = await build();
    apps.push(failing);
    let lists = 0;
    failing.objectStore.aroundSends((name, _input, send) => {
      if (name !== 'ListObjectsV2' || ++lists === 1) return send();
      return Promise.reject(
        Object.assign(new Error('boom'), {
          name: 'InternalError',
          $metadata: { httpStatusCode: 500 },
        }),
      );
    });
    const a = await search({ q: '00' }, failing, big);
    expect(a.status).toBe(200);
    expect(a.matches.map((m) => m.key)).toEqual(
      Array.from({ length: 1000 }, (_, i) => `k/${String(i).padStart(4, '0')}`).filter((k) =>
        k.includes('00'),
      ),
    );
    expect(a.done).toMatchObject({
      done: true,
      scanned: 1000,
      matches: a.matches.length,
      truncated: false,
      error: { code: 'StoreUnavailable' },
    });
    expect(a.done!.error!.message).not.toBe('');
    expect(lists).toBe(2);
  });
});

/** A line of a raw stream and when it arrived (ms after the request was sent). */
interface Arrival {
  at: number;
  line: Record<string, unknown>;
}

/** The search on a real socket: each NDJSON line with its arrival time; `hangUp` closes early. */
async function rawSearch(
  on: TestApp,
  url: string,
  hangUp?: (lines: Arrival[]) => boolean,
): Promise<{ head: string; lines: Arrival[] }> {
  const port = await listenOnLoopback(on);
  const head =
    `GET ${url} HTTP/1.1\r\n` +
    Object.entries({ host: `127.0.0.1:${port}`, connection: 'close', ...on.sessionHeaders })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let raw = Buffer.alloc(0);
    let headText: string | undefined;
    let rest = '';
    const lines: Arrival[] = [];
    socket.on('error', reject);
    socket.on('data', (c: Buffer) => {
      const at = Date.now() - start;
      if (headText === undefined) {
        raw = Buffer.concat([raw, c]);
        const end = raw.indexOf('\r\n\r\n');
        if (end < 0) return;
        headText = raw.subarray(0, end).toString('latin1');
        c = raw.subarray(end + 4);
      }
      // Chunked: keep only the JSON lines (chunk sizes are hex lines, which never start with "{").
      rest += c.toString('utf8');
      const parts = rest.split(/\r?\n/);
      rest = parts.pop()!;
      for (const p of parts) if (p.startsWith('{')) lines.push({ at, line: JSON.parse(p) });
      if (hangUp?.(lines)) {
        socket.destroy();
        resolve({ head: headText, lines });
      }
    });
    socket.on('end', () => resolve({ head: headText ?? '', lines }));
    socket.write(head);
  });
}

describe('GET /api/buckets/:bucket/search: streaming', () => {
  it('streams: the first match early, progress at least every second, then the done line', async () => {
    const slow = await build();
    apps.push(slow);
    // Each page takes 600 ms: three pages of 1,000 keys are a scan of about two seconds.
    slow.objectStore.aroundSends(async (name, _input, send) => {
      if (name === 'ListObjectsV2') await new Promise((r) => setTimeout(r, 600));
      return send();
    });
    const { head, lines } = await rawSearch(slow, `/api/buckets/${big}/search?q=0001`);
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(head.toLowerCase()).toContain('content-type: application/x-ndjson');
    for (const { line } of lines) SearchLineSchema.parse(line);
    const done = lines.at(-1)!;
    expect(done.line).toEqual({ done: true, scanned: BIG, matches: 1, truncated: false });
    const match = lines.find((l) => 'key' in l.line)!;
    expect(match.line).toMatchObject({ key: 'k/0001', size: 1 });
    // The match arrived while the next pages were still being listed.
    expect(done.at - match.at).toBeGreaterThan(800);
    const progress = lines.filter((l) => 'scanned' in l.line && !('done' in l.line));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    let previous = 0;
    for (const p of progress) {
      expect(p.line.scanned).toBeGreaterThanOrEqual(previous);
      previous = p.line.scanned as number;
    }
    expect(previous).toBeLessThanOrEqual(BIG);
    // No silence of much more than a second between lines (a noisy machine gets some slack).
    const times = [0, ...lines.map((l) => l.at)];
    for (let i = 1; i < times.length; i += 1) {
      expect(times[i]! - times[i - 1]!).toBeLessThan(SEARCH_PROGRESS_MS + 700);
    }
  });

  it('a closed stream stops listing: no ListObjectsV2 after the page one ahead', async () => {
    const held = await build();
    apps.push(held);
    let lists = 0;
    let signal: AbortSignal | undefined;
    let finished = false;
    held.objectStore.aroundSends(async (name, _input, send) => {
      if (name !== 'ListObjectsV2') return send();
      lists += 1;
      // The pages after the first wait for the client to have gone.
      if (lists > 1) await until(() => signal?.aborted === true, 'the client to go away');
      return send();
    });
    const store = held.objectStore;
    const searchObjects = store.searchObjects.bind(store);
    store.searchObjects = async function* (b, query, options) {
      signal = options?.signal;
      try {
        yield* searchObjects(b, query, options) as AsyncGenerator<SearchPage, void, undefined>;
      } finally {
        finished = true;
      }
    };
    const { lines } = await rawSearch(held, `/api/buckets/${big}/search`, (lines) =>
      lines.some((l) => 'key' in l.line),
    );
    expect(lines[0]!.line).toMatchObject({ key: 'k/0000' });
    await until(() => finished, 'the search to stop');
    // Let any stray request show.
    await new Promise((r) => setTimeout(r, 300));
    expect(signal?.aborted).toBe(true);
    expect(lists).toBe(2);
  });
});
