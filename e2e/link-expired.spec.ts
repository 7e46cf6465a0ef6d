import { createExport, detail, jobRow, sha256Of } from './support/actions';
import { test, expect } from './support/fixtures';

test('a link that expired before the download is re-run, and the re-run is downloaded and verified', async ({ host }) => {
  const { page } = host;
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('setting-autoDownload').uncheck();
  await expect(page.getByTestId('setting-autoDownload')).not.toBeChecked();

  const oldId = await createExport(page, { label: 'Expiring', format: 'ndjson' });
  await expect(jobRow(page, oldId)).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });

  // Two hours later on the server: the one-hour signed link has run out.
  host.emulator.admin.advanceClock(2 * 60 * 60_000);
  await page.getByTestId('job-retry-download').click();

  await expect(jobRow(page, oldId)).toHaveAttribute('data-status', 'rerun', { timeout: 30_000 });
  const rerunLink = page.getByTestId('job-rerun-by');
  await expect(rerunLink).toBeVisible();
  const newId = (await rerunLink.innerText()).trim();
  expect(newId).not.toBe(oldId);

  await rerunLink.click();
  await expect(page.getByTestId('job-details')).toHaveAttribute('data-job-id', newId);
  await expect(jobRow(page, newId)).toHaveAttribute('data-status', 'downloaded', { timeout: 60_000 });
  await expect(page.getByTestId('job-rerun-of')).toHaveText(oldId);
  expect(await sha256Of(await detail(page, 'job-final-path'))).toBe(await detail(page, 'job-sha256'));
  if (host.desktop) expect(host.desktop.notifications.map((n) => n.title)).toContain('Link expired: export re-run');
});
