/**
 * The files of a drop, with their names relative to what was dropped: a dropped folder
 * "photos" gives "photos/a.jpg", "photos/2024/b.jpg" (the FileSystem entry API, which every
 * current browser has as DataTransferItem.webkitGetAsEntry).
 */

export type NamedFile = { name: string; file: File };

/** The parts of FileSystemEntry this walk uses (the tests build such objects). */
export type DropEntry =
  | {
      isFile: true;
      isDirectory: false;
      name: string;
      file: (ok: (file: File) => void, fail: (error: unknown) => void) => void;
    }
  | {
      isFile: false;
      isDirectory: true;
      name: string;
      createReader: () => {
        readEntries: (ok: (entries: DropEntry[]) => void, fail: (error: unknown) => void) => void;
      };
    };

/** What a drop holds, taken at once: the items are gone once the drop event returns. */
export type DropSource = { entry: DropEntry } | { file: File };

export function dropSources(dataTransfer: DataTransfer): DropSource[] {
  const sources: DropSource[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry() as DropEntry | null;
    if (entry) {
      sources.push({ entry });
    } else {
      const file = item.getAsFile();
      if (file) sources.push({ file });
    }
  }
  // No items (an old browser): the plain files, without folders.
  if (sources.length === 0) {
    for (const file of Array.from(dataTransfer.files)) sources.push({ file });
  }
  return sources;
}

/** Every file under the dropped entries, folders walked to the end, names relative to the drop. */
export async function walkDrop(sources: readonly DropSource[]): Promise<NamedFile[]> {
  const out: NamedFile[] = [];
  for (const source of sources) {
    if ('file' in source) out.push({ name: source.file.name, file: source.file });
    else await walkEntry(source.entry, '', out);
  }
  return out;
}

async function walkEntry(entry: DropEntry, parent: string, out: NamedFile[]): Promise<void> {
  const name = `${parent}${entry.name}`;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => {
      entry.file(resolve, reject);
    });
    out.push({ name, file });
    return;
  }
  for (const child of await readAll(entry)) await walkEntry(child, `${name}/`, out);
}

/** readEntries answers in batches (100 in Chromium) until an empty one. */
async function readAll(directory: Extract<DropEntry, { isDirectory: true }>): Promise<DropEntry[]> {
  const reader = directory.createReader();
  const all: DropEntry[] = [];
  for (;;) {
    const batch = await new Promise<DropEntry[]>((resolve, reject) => {
      reader.readEntries(resolve, reject);
    });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
