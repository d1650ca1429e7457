import { describe, expect, it } from 'vitest';
import { walkDrop, type DropEntry } from './dropped-files';

function fileEntry(name: string, body = name): DropEntry {
  return {
    isFile: true,
    isDirectory: false,
    name,
    file: (ok) => {
      ok(new File([body], name));
    },
  };
}

/** A folder whose reader answers in batches of `batch`, then an empty one. */
function dirEntry(name: string, children: DropEntry[], batch = 2): DropEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const next = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => {
            ok(next);
          }, 0);
        },
      };
    },
  };
}

describe('walkDrop', () => {
  it('names files of a dropped folder relative to the drop, through every batch and level', async () => {
    const photos = dirEntry('photos', [
      fileEntry('a.jpg'),
      fileEntry('b.jpg'),
      fileEntry('c.jpg'),
      dirEntry('2024', [fileEntry('summer.jpg'), dirEntry('empty', [])]),
    ]);
    const named = await walkDrop([{ entry: fileEntry('notes.txt') }, { entry: photos }]);
    expect(named.map((n) => n.name)).toEqual([
      'notes.txt',
      'photos/a.jpg',
      'photos/b.jpg',
      'photos/c.jpg',
      'photos/2024/summer.jpg',
    ]);
    expect(await named[4]?.file.text()).toBe('summer.jpg');
  });

  it('keeps plain files (no entry) under their own name', async () => {
    const file = new File(['x'], 'plain.bin');
    expect(await walkDrop([{ file }])).toEqual([{ name: 'plain.bin', file }]);
  });

  it('fails when the browser cannot read a dropped file', async () => {
    const broken: DropEntry = {
      isFile: true,
      isDirectory: false,
      name: 'gone.txt',
      file: (_ok, fail) => {
        fail(new Error('NotFoundError'));
      },
    };
    await expect(walkDrop([{ entry: broken }])).rejects.toThrow('NotFoundError');
  });
});
