import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { UsageResult } from '@stowage/shared';
import { BucketSize } from './bucket-size';
import { EmptyReport } from './empty-report';

const usage: UsageResult = {
  objects: 2,
  bytes: 2048,
  largest: [],
  uploads: { count: 1, bytes: 100 },
  noncurrent: { count: 3, bytes: 7 },
  cancelled: false,
};

describe('BucketSize', () => {
  it('names the objects, the noncurrent versions and the unfinished uploads that go', () => {
    const html = renderToStaticMarkup(<BucketSize state={{ phase: 'done', usage }} />);
    expect(html).toContain('<li>2 objects (2.0 KB)</li>');
    expect(html).toContain('<li>3 noncurrent versions and delete markers (7 B)</li>');
    expect(html).toContain('<li>1 unfinished upload (100 B)</li>');
  });

  it('leaves out what is not there, or what the store cannot list', () => {
    const html = renderToStaticMarkup(
      <BucketSize
        state={{ phase: 'done', usage: { ...usage, uploads: null, noncurrent: null } }}
      />,
    );
    expect(html).toContain('<li>2 objects (2.0 KB)</li>');
    expect(html).not.toContain('noncurrent');
    expect(html).not.toContain('upload');
  });
});

describe('EmptyReport', () => {
  it('says what went, and every entry that did not with its version and reason', () => {
    const html = renderToStaticMarkup(
      <EmptyReport
        result={{
          deleted: 4,
          uploadsAborted: 1,
          cancelled: false,
          errors: [{ key: 'locked.txt', versionId: 'v1', code: 'AccessDenied', message: 'Locked' }],
        }}
      />,
    );
    expect(html).toContain('Deleted 4 entries, aborted 1 unfinished upload.');
    expect(html).toContain('1 could not be deleted; the bucket is not empty:');
    expect(html).toMatch(/locked\.txt.*\(version v1\): Locked \(AccessDenied\)/);
  });
});
