import { SaxesParser } from 'saxes';
import type { ReplyReader } from './s3-reply-readers.js';

/**
 * The SDK reads a ListVersionsResult into two lists, Versions and DeleteMarkers, each in the
 * document's order, and loses how they interleave: the store's order (by key, then newest
 * first) that a history must show, where a version and a marker may carry the same
 * LastModified. This reader keeps only that interleaving, as `EntryOrder`: one letter per
 * entry, `V` (Version) or `M` (DeleteMarker), in document order. The SDK still reads the
 * document itself; a document saxes finds not well-formed gets no `EntryOrder` (listVersionPage
 * then sorts, as before).
 */
export const versionOrderReader: ReplyReader = { read: readVersionOrder };

const NOT_VERSIONS = new Error('not a ListVersionsResult');

export function readVersionOrder(xml: string): { EntryOrder: string } | undefined {
  let order = '';
  let depth = 0;
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', ({ name }) => {
    depth += 1;
    if (depth === 1 && name !== 'ListVersionsResult') throw NOT_VERSIONS;
    if (depth === 2 && name === 'Version') order += 'V';
    else if (depth === 2 && name === 'DeleteMarker') order += 'M';
  });
  parser.on('closetag', () => {
    depth -= 1;
  });
  try {
    parser.write(xml).close();
  } catch {
    return undefined;
  }
  return { EntryOrder: order };
}
