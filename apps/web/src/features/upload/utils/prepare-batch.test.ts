import { describe, expect, it, vi } from 'vitest';
import { prepareBatch, type ConflictChoice } from './prepare-batch';

const file = (name: string, relativePath = `./${name}`) => {
  const f = new File(['x'], name);
  Object.defineProperty(f, 'relativePath', { value: relativePath });
  return f;
};

function existingIn(stored: string[]) {
  return vi.fn((_bucket: string, keys: readonly string[]) =>
    Promise.resolve(new Set(keys.filter((k) => stored.includes(k)))),
  );
}

function prepare(files: File[], stored: string[], choice: ConflictChoice | null) {
  const askConflict = vi.fn(() => Promise.resolve(choice));
  const existingKeys = existingIn(stored);
  const run = prepareBatch({
    bucket: 'b',
    prefix: 'p/',
    files,
    options: {},
    existingKeys,
    askConflict,
  });
  return { run, askConflict, existingKeys };
}

describe('prepareBatch', () => {
  it('keeps the folder structure under the prefix and guesses content types', async () => {
    const { run, askConflict } = prepare(
      [file('a.json', '/dir/a.json'), file('b'), file('c.txt', 'sub/c.txt')],
      [],
      'overwrite',
    );
    const batch = await run;
    expect(askConflict).not.toHaveBeenCalled();
    expect(batch?.items.map((i) => [i.key, i.contentType])).toEqual([
      ['p/dir/a.json', 'application/json'],
      ['p/b', 'application/octet-stream'],
      ['p/sub/c.txt', 'text/plain'],
    ]);
  });

  it('asks once, then overwrites', async () => {
    const { run, askConflict } = prepare(
      [file('a.txt'), file('b.txt')],
      ['p/a.txt', 'p/b.txt'],
      'overwrite',
    );
    const batch = await run;
    expect(askConflict).toHaveBeenCalledTimes(1);
    expect(askConflict).toHaveBeenCalledWith({ existing: ['p/a.txt', 'p/b.txt'], total: 2 });
    expect(batch?.items.map((i) => i.key)).toEqual(['p/a.txt', 'p/b.txt']);
  });

  it('skips existing keys and counts them', async () => {
    const batch = await prepare([file('a.txt'), file('new.txt')], ['p/a.txt'], 'skip').run;
    expect(batch?.items.map((i) => i.key)).toEqual(['p/new.txt']);
    expect(batch?.skipped).toBe(1);
  });

  it('keeps both with the first free suffix, not taken in the bucket nor the batch', async () => {
    const batch = await prepare(
      [file('a.txt'), file('a (2).txt')],
      ['p/a.txt', 'p/a (1).txt'],
      'keep-both',
    ).run;
    expect(batch?.items.map((i) => i.key)).toEqual(['p/a (3).txt', 'p/a (2).txt']);
  });

  it('is abandoned when the question is cancelled', async () => {
    expect(await prepare([file('a.txt')], ['p/a.txt'], null).run).toBeNull();
  });

  it('applies the batch options', async () => {
    const batch = await prepareBatch({
      bucket: 'b',
      prefix: '',
      files: [file('a.bin')],
      options: { contentType: 'text/csv', metadata: { origin: 'x' } },
      existingKeys: existingIn([]),
      askConflict: () => Promise.resolve('overwrite'),
    });
    expect(batch?.items[0]).toMatchObject({
      key: 'a.bin',
      contentType: 'text/csv',
      metadata: { origin: 'x' },
    });
  });
});
