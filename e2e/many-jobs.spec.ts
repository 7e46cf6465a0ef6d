import { profileIdsIn } from './support/actions';
import { seededJobs, seedJobs } from './support/seed';
import { test, expect } from './support/fixtures';

const COUNT = 5_000;

test('5,000 jobs scroll with only the visible rows in the DOM', async ({ host }) => {
  const { page } = host;
  const [profileId] = profileIdsIn(host.userDataDir);
  const jobs = seededJobs(profileId!, COUNT);
  await host.restart({ beforeStart: () => seedJobs(host.userDataDir, jobs) });

  await expect(page.getByTestId('job-count')).toHaveText(`${COUNT.toLocaleString('en-US')} exports`);
  const rows = page.getByTestId('job-row');
  await expect(rows.first()).toHaveAttribute('data-job-id', jobs[0]!.id);
  expect(await rows.count()).toBeLessThan(60);

  const list = page.getByTestId('job-list');
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator(`[data-testid="job-row"][data-job-id="${jobs[COUNT - 1]!.id}"]`)).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);

  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(rows.first()).not.toHaveAttribute('data-job-id', jobs[0]!.id);
  expect(await rows.count()).toBeLessThan(60);
  expect(await page.locator('*').count()).toBeLessThan(1_500);

  await page.getByTestId('job-search').fill('exp_seed04999');
  await expect(page.getByTestId('job-count')).toHaveText(`1 of ${COUNT.toLocaleString('en-US')} exports`);
  await expect(rows).toHaveCount(1);
});
