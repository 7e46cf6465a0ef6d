import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createExport, dismissNotices, jobRow } from './support/actions';
import { test, expect } from './support/fixtures';

/** Every run takes them; only a run with PXE_UPDATE_SCREENSHOTS=1 replaces the README's copies. */
const OUT = resolve(process.env.PXE_UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');

test('screenshots of the main views for the README', async ({ host }) => {
  test.skip(host.kind !== 'chromium', 'The README screenshots come from the Chromium host, so they do not change with the platform.');
  const { page } = host;
  await mkdir(OUT, { recursive: true });

  const weekly = await createExport(page, { label: 'Weekly admin actions', format: 'json', preset: 'last-7d' });
  await expect(jobRow(page, weekly)).toHaveAttribute('data-status', 'downloaded', { timeout: 60_000 });
  const review = await createExport(page, { label: 'Q1 access review', format: 'csv' });
  await expect(jobRow(page, review)).toHaveAttribute('data-status', 'downloaded', { timeout: 60_000 });
  await jobRow(page, review).click();
  await expect(page.getByTestId('job-details')).toHaveAttribute('data-job-id', review);
  await dismissNotices(page);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT}/jobs.png` });

  await page.getByTestId('nav-new-export').click();
  await dismissNotices(page);
  await page.getByTestId('export-label').fill('March audit for the SOC 2 review');
  await page.getByTestId('add-filter').click();
  await page.getByTestId('filter-key').fill('actor');
  await page.getByTestId('filter-value').fill('ana@example.com');
  await page.screenshot({ path: `${OUT}/new-export.png` });

  await page.getByTestId('nav-processor').click();
  await page.getByTestId('processor-retention').fill('7');
  await page.getByTestId('processor-review').click();
  await expect(page.getByTestId('processor-change')).toBeVisible();
  await page.screenshot({ path: `${OUT}/processor.png` });
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('key-status')).toHaveAttribute('data-has-key', 'true');
  await dismissNotices(page);
  await page.screenshot({ path: `${OUT}/settings.png`, fullPage: true });
});
