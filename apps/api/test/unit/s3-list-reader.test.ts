import {
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { listPageReader, readListPage } from '../../src/store/s3-list-reader.js';
import { clientAnswering as answering } from './fixed-reply-client.js';

/**
 * The reader must give what the SDK's own deserializer gives. Real stores (tested in the
 * integration suite) write compact XML; these documents also hold what other stores may
 * write: indentation, CRLF, CDATA, comments, character references, nested owners. The
 * transport only hands the SDK these exact bytes.
 */
const clientAnswering = (status: number, body: string, quick: boolean) =>
  answering(status, body, quick ? { ListObjectsV2Command: listPageReader } : undefined);

const list = (client: S3Client) =>
  client.send(new ListObjectsV2Command({ Bucket: 'b', Prefix: 'p/', Delimiter: '/' }));

/** The fields the app reads, comparable. */
function used(out: Partial<ListObjectsV2CommandOutput>) {
  return {
    objects: (out.Contents ?? []).map((o) => ({
      key: o.Key,
      size: o.Size,
      lastModified: o.LastModified?.toISOString(),
      etag: o.ETag,
      storageClass: o.StorageClass,
    })),
    prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix),
    truncated: out.IsTruncated ?? false,
    next: out.NextContinuationToken,
  };
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
const entry = (key: string, extra = '') =>
  `<Contents><Key>${key}</Key><LastModified>2026-11-26T00:43:25.757Z</LastModified>` +
  `<ETag>&quot;8c7004f6eaf2cd75d5115049c11f4854&quot;</ETag><Size>9</Size>` +
  `<StorageClass>STANDARD</StorageClass>${extra}</Contents>`;

const documents: Record<string, string> = {
  'a compact page, as Ceph writes it': `${HEAD}<ListBucketResult ${NS}><Name>b</Name><Prefix>p/</Prefix><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>${entry('p/a.txt', '<Type>Normal</Type>')}${entry('p/b.txt')}<CommonPrefixes><Prefix>p/dir/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>p/other/</Prefix></CommonPrefixes><NextContinuationToken>p/b.txt</NextContinuationToken></ListBucketResult>`,
  'one object, no prefixes, not truncated': `<ListBucketResult ${NS}><IsTruncated>false</IsTruncated>${entry('p/only.txt')}</ListBucketResult>`,
  'nothing at all': `${HEAD}<ListBucketResult ${NS}><Name>b</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>`,
  'escaped and referenced characters': `<ListBucketResult>${entry('p/a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;')}${entry('p/tab&#9;cr&#13;lf&#xA;.txt')}${entry('p/中文 éàü 🎉.txt')}<IsTruncated>false</IsTruncated></ListBucketResult>`,
  'white space kept inside keys': `<ListBucketResult>${entry('p/  two spaces  ')}${entry(' ')}<CommonPrefixes><Prefix>p/ sp /</Prefix></CommonPrefixes></ListBucketResult>`,
  'raw line ends inside keys': `<ListBucketResult>${entry('p/crlf\r\nand cr\rend')}${entry('\n  ')}${entry(' \t ')}</ListBucketResult>`,
  'indented, with CRLF line ends': [
    '<ListBucketResult>',
    '  <IsTruncated>true</IsTruncated>',
    '  <Contents>',
    '    <Key>p/indented.txt</Key>',
    '    <Size>123456789012</Size>',
    '    <Owner>',
    '      <ID>abc</ID>',
    '      <DisplayName>someone</DisplayName>',
    '    </Owner>',
    '  </Contents>',
    '  <CommonPrefixes>',
    '    <Prefix>p/sub/</Prefix>',
    '  </CommonPrefixes>',
    '  <NextContinuationToken>tok+/=</NextContinuationToken>',
    '</ListBucketResult>',
  ].join('\r\n'),
  'CDATA, comments and empty elements': `<!-- a store's note --><ListBucketResult><Contents><Key><![CDATA[p/<raw> & text]]></Key></Contents><Contents><Key><![CDATA[p/cdata\r\nline]]></Key><ETag/><StorageClass></StorageClass></Contents><CommonPrefixes><Prefix/></CommonPrefixes><!-- > inside --><IsTruncated>false</IsTruncated></ListBucketResult>`,
};

describe('readListPage: the same listing the SDK reads', () => {
  for (const [name, xml] of Object.entries(documents)) {
    it(name, async () => {
      const sdk = used(await list(clientAnswering(200, xml, false)));
      expect(used(readListPage(xml)!)).toEqual(sdk);
      // Through the client: the reader's page, with the SDK's metadata.
      const out = await list(clientAnswering(200, xml, true));
      expect(used(out)).toEqual(sdk);
      expect(out.$metadata).toMatchObject({ httpStatusCode: 200, requestId: 'req-1' });
    });
  }

  it('reads the characters of every escape and CDATA section', () => {
    const page = readListPage(documents['escaped and referenced characters']!)!;
    expect(page.Contents!.map((o) => o.Key)).toEqual([
      `p/a & b <c> "d" 'e'`,
      'p/tab\tcr\rlf\n.txt',
      'p/中文 éàü 🎉.txt',
    ]);
    const cdata = readListPage(documents['CDATA, comments and empty elements']!)!;
    expect(cdata.Contents![0]!.Key).toBe('p/<raw> & text');
  });

  it('reads a character reference beyond 16 bits as one character (the SDK splits it)', async () => {
    const xml = `<ListBucketResult>${entry('p/&#x1F389;.txt')}</ListBucketResult>`;
    expect(readListPage(xml)!.Contents![0]!.Key).toBe('p/🎉.txt');
    // So the client's answer is the reader's, not the deserializer's.
    expect((await list(clientAnswering(200, xml, true))).Contents![0]!.Key).toBe('p/🎉.txt');
    expect((await list(clientAnswering(200, xml, false))).Contents![0]!.Key).not.toBe('p/🎉.txt');
  });

  it('leaves a document that is not well-formed XML 1.0 to the SDK', async () => {
    // AWS writes a key's control characters as references XML 1.0 forbids (&#x1;).
    const xml = `<ListBucketResult>${entry('p/bell&#x7;.txt')}${entry('p/ok.txt')}</ListBucketResult>`;
    expect(readListPage(xml)).toBeUndefined();
    const out = await list(clientAnswering(200, xml, true));
    expect(used(out)).toEqual(used(await list(clientAnswering(200, xml, false))));
    expect(out.Contents!.map((o) => o.Key)).toEqual(['p/bell\u0007.txt', 'p/ok.txt']);
  });

  it('leaves a size or date it cannot read empty, as the SDK has none', () => {
    const xml = `<ListBucketResult><Contents><Key>k</Key><Size>lots</Size><LastModified>yesterday</LastModified></Contents></ListBucketResult>`;
    expect(readListPage(xml)!.Contents).toEqual([
      {
        Key: 'k',
        Size: undefined,
        LastModified: undefined,
        ETag: undefined,
        StorageClass: undefined,
      },
    ]);
  });

  it('takes no other document', () => {
    expect(readListPage('<Error><Code>AccessDenied</Code></Error>')).toBeUndefined();
    expect(readListPage('<ListBucketResult><IsTruncated>true')).toBeUndefined();
    expect(readListPage('')).toBeUndefined();
    expect(readListPage('<ListBucketResult></ListBucketResult><More/>')).toBeUndefined();
    expect(readListPage('<ListBucketResult/>')).toEqual({
      Contents: [],
      CommonPrefixes: [],
      IsTruncated: false,
    });
  });

  it('leaves error answers to the SDK, which reads their code', async () => {
    const denied = `<Error><Code>AccessDenied</Code><Message>no</Message></Error>`;
    await expect(list(clientAnswering(403, denied, true))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    // A 200 whose body is an error: the SDK's own check still sees it.
    await expect(list(clientAnswering(200, denied, true))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });
});
