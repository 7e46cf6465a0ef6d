import { test, expect } from './support/fixtures';

test('a processor value out of range is refused inline and nothing is sent', async ({ host }) => {
  const { page } = host;
  await page.getByTestId('nav-processor').click();
  const maxConcurrent = page.getByTestId('processor-max-concurrent');
  await expect(maxConcurrent).toHaveValue('3');
  host.emulator.admin.clearRequests();

  await maxConcurrent.fill('11');
  await page.getByTestId('processor-review').click();
  await expect(page.getByText('Max concurrent jobs is at most 10.')).toBeVisible();
  await expect(maxConcurrent).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('processor-confirm')).toBeHidden();
  expect(host.emulator.admin.requests().filter((r) => r.method === 'PATCH')).toEqual([]);
});

test('a processor change is confirmed before saving, and a server failure shows inline', async ({ host }) => {
  const { page } = host;
  await page.getByTestId('nav-processor').click();
  await page.getByTestId('processor-retention').fill('7');
  await page.getByTestId('processor-review').click();
  await expect(page.getByTestId('processor-change')).toContainText('7 days');

  // The server fails every attempt the client makes (5): the error stays under the form, the draft too.
  host.emulator.admin.failNext(5, 503);
  await page.getByTestId('processor-confirm-confirm').click();
  await expect(page.getByTestId('processor-error')).toBeVisible();
  await expect(page.getByTestId('processor-retention')).toHaveValue('7');

  await page.getByTestId('processor-review').click();
  await page.getByTestId('processor-confirm-confirm').click();
  await expect
    .poll(() => host.emulator.admin.requests().filter((r) => r.method === 'PATCH').map((r) => r.status))
    .toEqual([503, 503, 503, 503, 503, 200]);
  await expect(page.getByTestId('processor-error')).toBeHidden();
  await expect(page.getByTestId('processor-review')).toBeDisabled();
  await expect(page.getByTestId('processor-retention')).toHaveValue('7');
});
