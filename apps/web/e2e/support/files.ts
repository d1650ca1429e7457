/** Files of the local disk for the upload specs: made for the test, dropped as from a file manager. */
import { test, type Locator, type Page } from '@playwright/test';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes files under a new directory of the test's output folder (test-results/, emptied by
 * every run): `{ 'a.txt': 'x', 'sub/b.bin': Buffer }`. Returns the directory's path.
 */
export async function makeTempTree(files: Record<string, string | Buffer>): Promise<string> {
  const parent = test.info().outputPath();
  await mkdir(parent, { recursive: true });
  const root = await mkdtemp(path.join(parent, 'files-'));
  for (const [relative, body] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  return root;
}

/**
 * Drags files and folders of the local disk onto a target and drops them, as from a file
 * manager: Chromium's own drag-and-drop (CDP Input.dispatchDragEvent), so the page gets
 * trusted dragenter/dragover/drop events whose DataTransfer holds real entries — folders
 * included, which a DataTransfer built in the page cannot carry. `beforeDrop` runs while the
 * files hover over the target.
 */
export async function dragAndDropPaths(
  page: Page,
  target: Locator,
  paths: string[],
  beforeDrop?: () => Promise<void>,
): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('The drop target is not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // dragOperationsMask 1: copy, what a file manager offers.
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', x, y, data });
    await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', x, y, data });
    await beforeDrop?.();
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', x, y, data });
  } finally {
    await cdp.detach();
  }
}
