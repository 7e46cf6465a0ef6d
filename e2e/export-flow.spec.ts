import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createExport, detail, jobRow, sha256Of } from './support/actions';
import { test, expect } from './support/fixtures';

test('an export goes from processing to a verified download with its manifest', async ({ host }) => {
  const { page } = host;
  // The transfer pauses for a moment half-way, long enough to see its progress.
  host.emulator.admin.stallDownloadsAfter(128 * 1024, 3_000, 1);
  const jobId = await createExport(page, { label: 'Access review', format: 'csv' });
  const row = jobRow(page, jobId);
  await expect(row).toHaveAttribute('data-status', 'processing');
  await expect(row.getByTestId('job-server-progress')).toBeVisible();
  await expect(page.getByTestId('job-details')).toContainText('Access review');

  await expect(row).toHaveAttribute('data-status', 'downloading', { timeout: 60_000 });
  await expect(row.getByTestId('job-download-progress')).toContainText(/\d+(\.\d)? KB of \d+ KB/);

  await expect(row).toHaveAttribute('data-status', 'downloaded', { timeout: 60_000 });

  const finalPath = await detail(page, 'job-final-path');
  const manifestPath = await detail(page, 'job-manifest-path');
  const shownSha = await detail(page, 'job-sha256');
  expect(dirname(finalPath)).toBe(host.downloadsDir);
  expect(await sha256Of(finalPath)).toBe(shownSha);

  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  expect(manifest).toMatchObject({ exportId: jobId, verified: true, label: 'Access review', format: 'csv', file: { sha256: shownSha } });
  expect(JSON.stringify(manifest)).not.toContain(host.emulator.keys[0]!.token);

  await page.getByTestId('job-open-file').click();
  await page.getByTestId('job-show-in-folder').click();
  if (host.desktop) {
    await expect.poll(() => host.desktop!.opened).toEqual([finalPath]);
    await expect.poll(() => host.desktop!.shownInFolder).toEqual([finalPath]);
    expect(host.desktop.notifications.map((n) => n.title)).toContain('Download verified');
  }
});
