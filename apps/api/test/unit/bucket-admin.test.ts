import { describe, expect, it } from 'vitest';
import { heldMessage, locationConstraint } from '../../src/store/s3-buckets.js';
import { LargestObjects } from '../../src/store/s3-usage.js';
import { abortOlder } from '../../src/store/s3-uploads.js';

describe('LargestObjects', () => {
  it('keeps the n largest, largest first, whatever the order they come in', () => {
    const sizes = [5, 1, 9, 3, 9, 7, 0, 12, 4, 8, 2, 11];
    const largest = new LargestObjects(4);
    sizes.forEach((size, i) => largest.add({ key: `k${i}`, size, lastModified: null } as never));
    expect(largest.list().map((o) => o.size)).toEqual([12, 11, 9, 9]);
    expect(new LargestObjects(0).list()).toEqual([]);
    const few = new LargestObjects(20);
    few.add({ key: 'a', size: 1, lastModified: '2026-01-01T00:00:00.000Z' } as never);
    expect(few.list()).toEqual([{ key: 'a', size: 1, lastModified: '2026-01-01T00:00:00.000Z' }]);
  });
});

describe('locationConstraint', () => {
  it('sends the region asked for, never us-east-1; on AWS the connection’s by default', () => {
    const ceph = { endpoint: 'http://127.0.0.1:7480', region: 'us-east-1' };
    expect(locationConstraint(ceph, undefined)).toBeUndefined();
    expect(locationConstraint(ceph, 'us-east-1')).toBeUndefined();
    expect(locationConstraint(ceph, 'default')).toBe('default');
    const aws = { endpoint: undefined, region: 'eu-west-3' };
    expect(locationConstraint(aws, undefined)).toBe('eu-west-3');
    expect(locationConstraint(aws, 'us-east-1')).toBeUndefined();
    expect(locationConstraint({ endpoint: undefined, region: 'us-east-1' }, undefined)).toBe(
      undefined,
    );
  });
});

describe('heldMessage', () => {
  it('says what a bucket still holds', () => {
    const base = { entries: 0, more: false, versioned: false, uploads: null };
    expect(heldMessage('b', { ...base, entries: 1 })).toBe(
      'The bucket b still holds 1 object: empty it first',
    );
    expect(heldMessage('b', { ...base, entries: 100_000, more: true, versioned: true })).toBe(
      'The bucket b still holds more than 100,000 versions and delete markers: empty it first',
    );
    expect(heldMessage('b', { ...base, uploads: 2 })).toBe(
      'The bucket b still holds 2 unfinished uploads: empty it first',
    );
  });
});

describe('abortOlder', () => {
  // A store cannot be made to hold an upload started days ago: this one lists three.
  it('aborts the uploads started more than N days ago, every one for 0', async () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    const day = 86_400_000;
    const uploads = [
      { Key: 'old', UploadId: 'u1', Initiated: new Date(now - 3 * day) },
      { Key: 'edge', UploadId: 'u2', Initiated: new Date(now - 2 * day + 1000) },
      { Key: 'new', UploadId: 'u3', Initiated: new Date(now - 1000) },
    ];
    const run = async (days: number) => {
      const aborted: string[] = [];
      const ctx = {
        send: async (command: { constructor: { name: string }; input: { Key?: string } }) => {
          if (command.constructor.name === 'ListMultipartUploadsCommand') {
            return { Uploads: uploads, IsTruncated: false };
          }
          aborted.push(command.input.Key ?? '');
          return {};
        },
      };
      const result = await abortOlder(ctx as never, 'b', days, now);
      return { result, aborted };
    };
    expect(await run(2)).toEqual({ result: { aborted: 1, errors: [] }, aborted: ['old'] });
    expect((await run(0)).aborted.sort()).toEqual(['edge', 'new', 'old']);
  });
});
