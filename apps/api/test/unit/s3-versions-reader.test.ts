import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { S3Context } from '../../src/store/s3-context.js';
import { listVersionPage } from '../../src/store/s3-versions.js';
import { readVersionOrder, versionOrderReader } from '../../src/store/s3-versions-reader.js';
import { clientAnswering } from './fixed-reply-client.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const T = '2026-01-01T00:00:00.000Z';
const version = (key: string, id: string, latest = false, time = T) =>
  `<Version><Key>${key}</Key><VersionId>${id}</VersionId><IsLatest>${latest}</IsLatest>` +
  `<LastModified>${time}</LastModified><ETag>"e-${id}"</ETag><Size>3</Size>` +
  '<StorageClass>STANDARD</StorageClass></Version>';
const marker = (key: string, id: string, latest = false, time = T) =>
  `<DeleteMarker><Key>${key}</Key><VersionId>${id}</VersionId><IsLatest>${latest}</IsLatest>` +
  `<LastModified>${time}</LastModified></DeleteMarker>`;

/**
 * One key's history where the times cannot order it (a marker and versions written in the
 * same millisecond, as a store's clock allows): the store's order is the only truth.
 */
const page = (withReader: boolean) => {
  const xml =
    `${HEAD}<ListVersionsResult ${NS}><Name>b</Name><Prefix>k</Prefix><IsTruncated>false</IsTruncated>` +
    version('k', 'v3', true) +
    marker('k', 'm2') +
    version('k', 'v2') +
    marker('k', 'm1') +
    version('k', 'v1') +
    version('k.bak', 'b1', true) +
    '</ListVersionsResult>';
  const client = clientAnswering(
    200,
    xml,
    withReader ? { ListObjectVersionsCommand: versionOrderReader } : undefined,
  );
  const ctx = { send: client.send.bind(client) } as unknown as S3Context;
  return listVersionPage(ctx, { bucket: 'b', prefix: 'k' });
};

describe('ListObjectVersions in the store’s order', () => {
  it('keeps how versions and delete markers interleave', async () => {
    const { entries } = await page(true);
    expect(entries.map((e) => `${e.key}:${e.versionId}`)).toEqual([
      'k:v3',
      'k:m2',
      'k:v2',
      'k:m1',
      'k:v1',
      'k.bak:b1',
    ]);
    expect(entries[1]).toMatchObject({ isDeleteMarker: true, size: 0, etag: null });
  });

  it('without the reader the same times lose the interleaving (why it exists)', async () => {
    const { entries } = await page(false);
    expect(entries.map((e) => e.versionId)).not.toEqual(['v3', 'm2', 'v2', 'm1', 'v1', 'b1']);
  });

  it('reads only a ListVersionsResult that is well-formed', () => {
    expect(
      readVersionOrder(
        `<ListVersionsResult>${marker('a', '1')}${version('a', '2')}</ListVersionsResult>`,
      ),
    ).toEqual({
      EntryOrder: 'MV',
    });
    expect(readVersionOrder('<ListBucketResult></ListBucketResult>')).toBeUndefined();
    expect(readVersionOrder('<ListVersionsResult><Version>')).toBeUndefined();
    expect(readVersionOrder('<ListVersionsResult/>')).toEqual({ EntryOrder: '' });
  });

  it('is used by the client the app builds', async () => {
    const client = clientAnswering(
      200,
      `${HEAD}<ListVersionsResult ${NS}>${marker('a', '1', true)}${version('a', '2')}</ListVersionsResult>`,
      { ListObjectVersionsCommand: versionOrderReader },
    );
    const out = await client.send(new ListObjectVersionsCommand({ Bucket: 'b' }));
    expect((out as { EntryOrder?: string }).EntryOrder).toBe('MV');
    expect(out.Versions).toHaveLength(1);
    expect(out.DeleteMarkers).toHaveLength(1);
  });
});
