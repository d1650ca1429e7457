import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import parsePrometheusTextFormat, { type Family } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { build, createBucket, q, testKeys, type TestApp } from '../helper.js';
import { uploadForm } from '../multipart.js';
import { listenOnLoopback } from '../raw-http.js';

const TOKEN = 'a metrics token for the tests';

/** The sample of `family` whose labels include `labels`, as a number (0 when absent). */
function sample(families: Family[], family: string, labels: Record<string, string> = {}): number {
  const f = families.find((x) => x.name === family);
  const m = f?.metrics.find((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
  return Number(m?.value ?? m?.count ?? 0);
}

describe('/metrics (STOWAGE_METRICS_TOKEN)', () => {
  let app: TestApp;
  let base: string;
  let bucket: string;
  const scrape = async () => {
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await res.text();
    // The parser throws on any line that is not the text format.
    return { text, families: parsePrometheusTextFormat(text) };
  };
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { ...app.sessionHeaders, ...(init.headers as Record<string, string>) },
    });

  beforeAll(async () => {
    app = await build({}, { metricsToken: TOKEN });
    base = `http://127.0.0.1:${await listenOnLoopback(app)}`;
    bucket = await createBucket(app, 'metrics');
  });
  afterAll(() => app.close());

  it('answers 401 without the token or with another one', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: 'Bearer not the token' },
      { authorization: TOKEN },
    ]) {
      const res = await fetch(`${base}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).not.toContain('stowage_');
    }
  });

  it('parses as Prometheus text, and its counters move with the traffic', async () => {
    const key = `secret-name-${randomBytes(3).toString('hex')}.bin`;
    const file = randomBytes(1024 ** 2);
    const { text: beforeText, families: before } = await scrape();
    const listing = `/api/buckets/${bucket}/objects?${q({ prefix: '', delimiter: '/' })}`;
    for (let i = 0; i < 3; i++) expect((await api(listing)).status).toBe(200);
    const form = uploadForm(file);
    const up = await api(`/api/buckets/${bucket}/upload?${q({ key })}`, {
      method: 'POST',
      headers: { 'content-type': form.contentType },
      body: new Uint8Array(form.payload),
    });
    expect(up.status).toBe(200);
    const down = await api(`/api/buckets/${bucket}/object/content?${q({ key })}`);
    expect(Buffer.from(await down.arrayBuffer()).equals(file)).toBe(true);
    const missing = await api(`/api/buckets/${bucket}/object?${q({ key: 'no-such.txt' })}`);
    expect(missing.status).toBe(404);
    // A sign-in and a sign-out of a second session.
    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
      body: JSON.stringify(testKeys()),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const signOut = await fetch(`${base}/api/session`, {
      method: 'DELETE',
      headers: { cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE },
    });
    expect(signOut.ok).toBe(true);

    const { text, families: after } = await scrape();
    const moved = (family: string, labels: Record<string, string> = {}) =>
      sample(after, family, labels) - sample(before, family, labels);
    const route = '/api/buckets/:bucket/objects';
    expect(moved('stowage_http_requests_total', { method: 'GET', route, status: '200' })).toBe(3);
    // (The parser folds a labelled histogram's series into one: its count is read from the text.)
    const family = after.find((f) => f.name === 'stowage_http_request_duration_seconds');
    expect(family?.type).toBe('HISTOGRAM');
    const count = (t: string) =>
      Number(
        new RegExp(
          `^stowage_http_request_duration_seconds_count\\{method="GET",route="${route}"\\} (\\d+)$`,
          'm',
        ).exec(t)?.[1] ?? 0,
      );
    expect(count(text) - count(beforeText)).toBe(3);
    expect(
      moved('stowage_http_requests_total', {
        route: '/api/buckets/:bucket/object',
        status: '404',
      }),
    ).toBe(1);
    expect(
      moved('stowage_http_received_bytes_total', { route: '/api/buckets/:bucket/upload' }),
    ).toBeGreaterThanOrEqual(file.length);
    expect(
      moved('stowage_http_sent_bytes_total', { route: '/api/buckets/:bucket/object/content' }),
    ).toBeGreaterThanOrEqual(file.length);
    expect(moved('stowage_s3_requests_total', { operation: 'ListObjectsV2', code: 'ok' })).toBe(3);
    expect(moved('stowage_s3_requests_total', { operation: 'HeadObject', code: 'NotFound' })).toBe(
      1,
    );
    expect(moved('stowage_sign_ins_total')).toBe(1);
    expect(moved('stowage_sign_outs_total')).toBe(1);
    expect(sample(after, 'stowage_upload_budget_waiting')).toBe(0);
    expect(after.map((f) => f.name)).toEqual(
      expect.arrayContaining(['process_cpu_user_seconds_total', 'nodejs_heap_size_used_bytes']),
    );
    // Route patterns only: no bucket, no key in any label.
    expect(text).not.toContain(bucket);
    expect(text).not.toContain(key);
  });

  it('the sample Grafana dashboard asks only for metrics /metrics has', async () => {
    const dashboard = JSON.parse(
      readFileSync(
        new URL('../../../../deploy/grafana/stowage-dashboard.json', import.meta.url),
        'utf8',
      ),
    ) as { panels: { targets: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    const asked = new Set(
      exprs.flatMap((e) => e.match(/\b(?:stowage|process|nodejs)_[a-z0-9_]+/g) ?? []),
    );
    expect(asked.size).toBeGreaterThan(10);
    const { families } = await scrape();
    const names = new Set(families.map((f) => f.name));
    // A histogram's series are its name with _bucket, _sum, _count.
    const missing = [...asked].filter((n) => !names.has(n.replace(/_(bucket|sum|count)$/, '')));
    expect(missing).toEqual([]);
  });

  it('does not exist without a token', async () => {
    const off = await build({}, {});
    try {
      const port = await listenOnLoopback(off);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(404);
      expect(off.hasPlugin('metrics')).toBe(false);
    } finally {
      await off.close();
    }
  });
});
