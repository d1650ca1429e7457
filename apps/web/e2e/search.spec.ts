import { expect, type Page } from '@playwright/test';
import { NDJSON } from '@stowage/shared';
import { putObjectViaApi } from './support/api';
import { MANY_COUNT, manyItemName } from './support/demo';
import { folderTest, test } from './support/fixtures';
import { FAST_POLL } from './support/poll';

const ANNUAL = 'docs/reports 2024/annual report.txt';

/** The search parameters of the page's URL (the API's names), and its sort. */
function urlParams(page: Page): Record<string, string> {
  const params = Object.fromEntries(new URL(page.url()).searchParams);
  delete params.prefix;
  return params;
}

test('from the bucket root, a file in a nested folder streams in; its folder opens with it selected', async ({
  page,
  folderPage,
  searchPanel,
  detailsPanel,
}) => {
  await folderPage.goto('');
  await expect(folderPage.grid).toBeVisible();
  const answer = page.waitForResponse((res) => new URL(res.url()).pathname.endsWith('/search'));
  await searchPanel.search('ANNUAL');

  // The stream: asked for as NDJSON and answered as NDJSON, not one JSON body.
  const res = await answer;
  expect(res.request().headers().accept).toBe(NDJSON);
  expect(res.headers()['content-type']).toContain(NDJSON);
  await expect(searchPanel.result(ANNUAL)).toBeVisible();
  await expect(searchPanel.status).toHaveText(/^Done: scanned [\d,]+ keys · 1 match$/);
  expect(urlParams(page)).toEqual({ q: 'ANNUAL' });
  await searchPanel.expectResults([ANNUAL]);

  // The name selects it: the details panel works on a result.
  await searchPanel.result(ANNUAL).getByRole('link', { name: 'annual report.txt' }).click();
  await expect(detailsPanel.heading).toHaveText('annual report.txt');
  await expect(searchPanel.result(ANNUAL)).toHaveAttribute('aria-selected', 'true');

  // Its folder: the listing of docs/reports 2024/ with the object selected, the search gone.
  await searchPanel.openFolderOf(ANNUAL);
  await folderPage.expectLocation('docs/reports 2024/', ANNUAL);
  await expect(folderPage.row('annual report.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(detailsPanel.heading).toHaveText('annual report.txt');
  await expect(searchPanel.grid).toHaveCount(0);
  await expect(searchPanel.box).toHaveValue('');
});

test('typing filters the loaded rows at once (folders by name too); Escape clears it', async ({
  folderPage,
  searchPanel,
}) => {
  await folderPage.goto('docs/');
  await expect(folderPage.row('unicode/')).toBeVisible();
  await searchPanel.box.fill('UNI');
  await folderPage.expectRowNames(['unicode/']);
  await expect(folderPage.status).toHaveText('1 of 2 match');
  await searchPanel.box.press('Escape');
  await folderPage.expectRowNames(['reports 2024/', 'unicode/']);
  // A glob matches file names, whatever case unless asked.
  await folderPage.goto('many/');
  await expect(folderPage.status).toHaveText('1,000 loaded, more…');
  await searchPanel.glob.check();
  await searchPanel.box.fill('ITEM-0000?.txt');
  await folderPage.expectRowNames([1, 2, 3, 4, 5, 6, 7, 8, 9].map(manyItemName));
  await searchPanel.matchCase.check();
  await expect(folderPage.entryRows).toHaveCount(0);
});

test('a glob and a size filter search the folder; the URL holds them and a reload runs the search again', async ({
  page,
  folderPage,
  searchPanel,
}) => {
  await folderPage.goto('docs/');
  await searchPanel.glob.check();
  await searchPanel.search('unicode/*.txt');
  await expect(searchPanel.status).toHaveText(/^Done: scanned 4 keys · 3 matches$/);
  await searchPanel.expectResults([
    'unicode/a+b & c=d #1 50%.txt',
    'unicode/café émoji 🎉.txt',
    'unicode/日本語 ファイル.txt',
  ]);

  // Without a "/", a glob matches the file's own name in any folder.
  await searchPanel.search('*report*');
  await searchPanel.expectResults(['reports 2024/annual report.txt']);

  // A size range, with units; bytes in the URL.
  await searchPanel.glob.uncheck();
  await searchPanel.openFilters();
  await searchPanel.minSize.fill('0.02 KB'); // 20 bytes
  await searchPanel.maxSize.fill('28');
  await searchPanel.search('');
  // Bodies of 25 ("Annual report…", "こんにちは、世界" in UTF-8), 29 and 29 bytes.
  await searchPanel.expectResults([
    'reports 2024/annual report.txt',
    'unicode/日本語 ファイル.txt',
  ]);
  expect(urlParams(page)).toEqual({ minSize: '20', maxSize: '28' });

  await page.reload();
  await expect(searchPanel.status).toHaveText(/^Done: scanned 4 keys · 2 matches$/);
  await expect(searchPanel.minSize).toHaveValue('20');
  await expect(searchPanel.maxSize).toHaveValue('28');
  await searchPanel.clear.click();
  await expect(folderPage.grid).toBeVisible();
  expect(urlParams(page)).toEqual({});
});

test('a bad size says so before anything is asked; a bad glob is the API’s sentence', async ({
  folderPage,
  searchPanel,
}) => {
  await folderPage.goto('docs/');
  await searchPanel.openFilters();
  await searchPanel.minSize.fill('ten');
  await searchPanel.search('x');
  await expect(
    searchPanel.page.getByText('Enter a size such as 500, 10 KB or 1.5 GB'),
  ).toBeVisible();
  await expect(searchPanel.grid).toHaveCount(0);
  await searchPanel.minSize.fill('');
  await searchPanel.glob.check();
  await searchPanel.box.fill('[abc');
  // The instant filter cannot use it either, and says why.
  await expect(searchPanel.page.getByRole('alert')).toContainText('q is not a valid glob');
  await searchPanel.box.press('Enter');
  await expect(searchPanel.status).toHaveText(/^The search failed: q is not a valid glob/);
});

test('Stop ends a search while it streams and keeps what came', async ({
  page,
  folderPage,
  searchPanel,
}) => {
  await folderPage.goto('many/');
  await expect(folderPage.grid).toBeVisible();
  // A slow network (real server, real stream): 2,600 matches trickle in at 16 KB/s.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: 16 * 1024,
    uploadThroughput: -1,
  });
  await searchPanel.search('item');
  await expect(searchPanel.status).toHaveText(/^Searching many\/… scanned/);
  await expect(searchPanel.resultRows.first()).toBeVisible();
  await searchPanel.stop.click();
  await expect(searchPanel.status).toHaveText(/^Stopped: scanned [\d,]+ keys · [\d,]+ matches$/);
  await expect(searchPanel.stop).toHaveCount(0);
  const stopped = Number(
    (await searchPanel.status.textContent())?.match(/· ([\d,]+) match/)?.[1]?.replace(/,/g, ''),
  );
  expect(stopped).toBeGreaterThan(0);
  expect(stopped).toBeLessThan(MANY_COUNT);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  // Nothing more arrives after Stop.
  await page.waitForTimeout(500);
  await expect(searchPanel.status).toHaveText(
    new RegExp(`· ${stopped.toLocaleString('en-US')} match`),
  );
});

folderTest(
  'sort by size both ways on a folder and on search results; the URL keeps the sort',
  async ({ page, request, folder, folderPage, searchPanel }) => {
    await putObjectViaApi(request, `${folder}mid.txt`, 'x'.repeat(20));
    await putObjectViaApi(request, `${folder}big.txt`, 'x'.repeat(30));
    await putObjectViaApi(request, `${folder}small.txt`, 'x'.repeat(10));
    await putObjectViaApi(request, `${folder}sub/tiny.txt`, 'x');
    await folderPage.goto(folder);
    await folderPage.expectRowNames(['sub/', 'big.txt', 'mid.txt', 'small.txt']);

    const size = searchPanel.sortButton(folderPage.grid, 'Size');
    await size.click();
    await folderPage.expectRowNames(['sub/', 'small.txt', 'mid.txt', 'big.txt']);
    await expect(folderPage.grid.getByRole('columnheader', { name: 'Size' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await size.click();
    await folderPage.expectRowNames(['sub/', 'big.txt', 'mid.txt', 'small.txt']);
    await expect(folderPage.grid.getByRole('columnheader', { name: 'Size' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect.poll(() => urlParams(page), FAST_POLL).toEqual({ sort: 'size', order: 'desc' });

    // The results, sorted as the URL says; then ascending.
    await searchPanel.search('.txt');
    await searchPanel.expectResults(['big.txt', 'mid.txt', 'small.txt', 'sub/tiny.txt']);
    await searchPanel.sortButton(searchPanel.grid, 'Size').click();
    await searchPanel.expectResults(['sub/tiny.txt', 'small.txt', 'mid.txt', 'big.txt']);
    await expect.poll(() => urlParams(page), FAST_POLL).toEqual({ q: '.txt', sort: 'size' });
    await page.reload();
    await searchPanel.expectResults(['sub/tiny.txt', 'small.txt', 'mid.txt', 'big.txt']);
  },
);

test('sorting a folder larger than what is loaded says so, and Load all loads the rest', async ({
  folderPage,
  searchPanel,
}) => {
  await folderPage.goto('many/');
  await expect(folderPage.status).toHaveText('1,000 loaded, more…');
  await searchPanel.sortButton(folderPage.grid, 'Name').click(); // name ascending → descending
  await expect(folderPage.status).toContainText(
    'Sorted the 1,000 loaded rows; the folder has more',
  );
  await folderPage.page
    .getByRole('button', { name: 'Load all (1,000 so far, up to 100,000)' })
    .click();
  await expect(folderPage.status).toHaveText(`${MANY_COUNT.toLocaleString('en-US')} items`);
  await expect(folderPage.entryRows.first()).toHaveAccessibleName(manyItemName(MANY_COUNT));
});

test('"/" focuses the search box, unless typing in a field', async ({
  page,
  folderPage,
  searchPanel,
}) => {
  await folderPage.goto('docs/');
  await expect(folderPage.grid).toBeVisible();
  await folderPage.pathInput.focus();
  await page.keyboard.press('/');
  await expect(folderPage.pathInput).toBeFocused();
  await folderPage.pathInput.blur();
  await page.keyboard.press('/');
  await expect(searchPanel.box).toBeFocused();
  await expect(searchPanel.box).toHaveValue('');
});
