import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createExport, detail, jobRow, sha256Of } from './support/actions';
import { test, expect } from './support/fixtures';

const STALL_AFTER = 256 * 1024;

async function partBytes(dir: string): Promise<number> {
  const parts = (await readdir(dir)).filter((name) => name.endsWith('.part'));
  const sizes = await Promise.all(parts.map(async (name) => (await stat(join(dir, name))).size));
  return Math.max(0, ...sizes);
}

test('a download under way when the app quits resumes where it stopped after the restart', async ({ host }) => {
  const { page } = host;
  // The first transfer stops sending after 256 KiB and holds the connection open.
  host.emulator.admin.stallDownloadsAfter(STALL_AFTER, 120_000, 1);
  const jobId = await createExport(page, { label: 'Big week', preset: 'last-7d' });

  await expect(jobRow(page, jobId)).toHaveAttribute('data-status', 'downloading', { timeout: 60_000 });
  await expect(jobRow(page, jobId).getByTestId('job-download-progress')).toBeVisible();
  await expect.poll(() => partBytes(host.downloadsDir), { timeout: 30_000 }).toBe(STALL_AFTER);

  await host.restart();

  await expect(jobRow(page, jobId)).toHaveAttribute('data-status', 'downloaded', { timeout: 60_000 });
  await jobRow(page, jobId).click();
  expect(await sha256Of(await detail(page, 'job-final-path'))).toBe(await detail(page, 'job-sha256'));
  const fileRequests = host.emulator.admin.requests().filter((r) => r.method === 'GET' && r.path.startsWith('/files/'));
  expect(fileRequests.map((r) => r.range)).toEqual([null, `bytes=${STALL_AFTER}-`]);
  expect(await partBytes(host.downloadsDir)).toBe(0);
});
