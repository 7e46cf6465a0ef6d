import type { Page } from '@playwright/test';
import { jobRow } from './support/actions';
import { test, expect } from './support/fixtures';

/** Presses Tab until the element with this test id has the focus; fails if it never does. */
async function tabTo(page: Page, testId: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    const focused = page.locator(':focus');
    if ((await focused.count()) > 0 && (await focused.getAttribute('data-testid')) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('an export can be created with the keyboard alone', async ({ host }) => {
  const { page } = host;
  await tabTo(page, 'nav-new-export');
  const focusRing = await page.getByTestId('nav-new-export').evaluate((el) => {
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string; boxShadow: string } }).getComputedStyle(el);
    return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
  });
  expect(focusRing, 'the focused control shows a focus ring').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('new-export-form')).toBeVisible();

  await tabTo(page, 'export-format');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('export-format')).toHaveValue('json');

  await tabTo(page, 'range-preset-last-24h');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('range-preset-last-7d')).toBeChecked();

  await tabTo(page, 'export-label');
  await page.keyboard.type('Typed, not clicked');
  await page.keyboard.press('Enter');

  const details = page.getByTestId('job-details');
  await expect(details).toContainText('Typed, not clicked');
  const jobId = (await details.getAttribute('data-job-id'))!;
  await expect(jobRow(page, jobId)).toBeVisible();
  await expect(details).toContainText('json');
});
