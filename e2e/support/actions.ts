/** Steps several specs share, done the way a person does them in the UI. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import Conf from 'conf';

export interface ExportChoice {
  format?: 'csv' | 'json' | 'ndjson';
  label?: string;
  preset?: 'last-24h' | 'last-7d' | 'last-month';
}

/** Fills in New export, creates it, and answers the new job's id (the view then shows its details). */
export async function createExport(page: Page, choice: ExportChoice = {}): Promise<string> {
  await page.getByTestId('nav-new-export').click();
  await page.getByTestId('export-format').selectOption(choice.format ?? 'csv');
  await page.getByTestId(`range-preset-${choice.preset ?? 'last-24h'}`).check();
  if (choice.label) await page.getByTestId('export-label').fill(choice.label);
  await page.getByTestId('create-export-submit').click();
  return shownJobId(page);
}

export async function shownJobId(page: Page): Promise<string> {
  const details = page.getByTestId('job-details');
  await expect(details).toBeVisible();
  const id = await details.getAttribute('data-job-id');
  expect(id).toMatch(/^exp_/);
  return id!;
}

export function jobRow(page: Page, jobId: string): Locator {
  return page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`);
}

export async function sha256Of(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** The details pane's value for a test id, as text. */
export async function detail(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId('job-details').getByTestId(testId).innerText()).trim();
}

/** The ids of the profiles in the app's settings file. */
export function profileIdsIn(userDataDir: string): string[] {
  const profiles = new Conf({ cwd: userDataDir, configName: 'settings' }).get('profiles');
  return Array.isArray(profiles) ? profiles.map((p: { id: string }) => p.id) : [];
}

/** Closes every notice on screen (for screenshots that show what is behind them). */
export async function dismissNotices(page: Page): Promise<void> {
  const close = page.getByTestId('notice').getByRole('button', { name: 'Dismiss notification' });
  // A notice with a long path can push its button out of view; the click event still reaches it.
  while ((await close.count()) > 0) await close.first().dispatchEvent('click');
}
