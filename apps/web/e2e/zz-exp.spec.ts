import { expect, test } from '@playwright/test';

test('exp throttle', async ({ page }) => {
  await page.goto('/b/demo?prefix=exp-y/');
  await expect(page.getByText('This folder is empty')).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
  const dt = await page.evaluateHandle(() => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const file = new File(Array.from({ length: 64 }, () => chunk), 'big.bin', { type: 'application/octet-stream' });
    const d = new DataTransfer();
    d.items.add(file);
    return d;
  });
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dt });
  const bar = page.getByRole('progressbar', { name: 'Progress of big.bin' });
  const t0 = Date.now();
  for (let i = 0; i < 30; i++) {
    console.log(Date.now() - t0, await bar.getAttribute('aria-valuenow').catch(() => 'none'));
    await page.waitForTimeout(500);
  }
});
