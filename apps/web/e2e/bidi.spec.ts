import { expect } from '@playwright/test';
import { putObjectViaApi } from './support/api';
import { DEMO_BUCKET } from './support/demo';
import { folderTest as test } from './support/fixtures';

const RLO = '\u202E';

// CVE-2023-33955 class: a right-to-left override makes "invoice‮fdp.exe" look like
// "invoiceexe.pdf". The app shows the hidden character as a visible marker instead.
test('a key with U+202E shows the marker in the listing, the breadcrumb and the details', async ({
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const name = `invoice${RLO}fdp.exe`;
  const shown = 'invoice⟨U+202E⟩fdp.exe';
  const dir = `dir${RLO}cod`;
  await putObjectViaApi(request, `${folder}${name}`, 'x');
  await putObjectViaApi(request, `${folder}${dir}/inner.txt`, 'y');

  await folderPage.goto(folder);
  const row = folderPage.row(shown);
  await expect(row).toBeVisible();
  const marker = row.getByTitle(/^Hidden character U\+202E /);
  await expect(marker).toHaveText('⟨U+202E⟩');
  await expect(marker).toHaveAttribute('title', /U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/);
  // The raw override character is nowhere in the rendered text.
  expect(await row.innerText()).not.toContain(RLO);

  await folderPage.openRow(shown);
  await expect(detailsPanel.heading).toHaveText(shown);
  await expect(detailsPanel.heading.getByTitle(/^Hidden character U\+202E /)).toBeVisible();
  await expect(detailsPanel.field('Key')).toHaveText(`${folder}${shown}`);

  await folderPage.openRow(`dir⟨U+202E⟩cod/`);
  await folderPage.expectBreadcrumb([DEMO_BUCKET, folder.slice(0, -1), 'dir⟨U+202E⟩cod']);
  await expect(folderPage.breadcrumb.getByTitle(/^Hidden character U\+202E /)).toHaveText(
    '⟨U+202E⟩',
  );
});
