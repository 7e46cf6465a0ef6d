import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createExport, jobRow } from './support/actions';
import { test, expect } from './support/fixtures';

async function seriousViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ where, rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function scanEveryView(page: Page): Promise<unknown[]> {
  const found: unknown[] = [];
  await page.getByTestId('nav-jobs').click();
  found.push(...(await seriousViolations(page, 'jobs')));
  await page.getByTestId('nav-new-export').click();
  found.push(...(await seriousViolations(page, 'new export')));
  await page.getByTestId('nav-processor').click();
  await expect(page.getByTestId('processor-form')).toBeVisible();
  found.push(...(await seriousViolations(page, 'processor')));
  await page.getByTestId('nav-settings').click();
  // The form stays open from the first pass.
  const addProfile = page.getByTestId('add-profile-open');
  if (await addProfile.isVisible()) await addProfile.click();
  await expect(page.getByTestId('add-profile-form')).toBeVisible();
  found.push(...(await seriousViolations(page, 'settings')));
  return found;
}

test('no serious or critical accessibility violations in any view, light or dark', async ({ host }) => {
  const { page } = host;
  const jobId = await createExport(page, { label: 'Accessibility check' });
  await expect(jobRow(page, jobId)).toHaveAttribute('data-status', 'downloaded', { timeout: 60_000 });

  await page.emulateMedia({ colorScheme: 'light' });
  expect(await scanEveryView(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await scanEveryView(page)).toEqual([]);
});
