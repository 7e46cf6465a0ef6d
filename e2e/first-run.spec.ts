import { test, expect } from './support/fixtures';

test('a first run opens the Demo workspace, with its key in the keychain and never in the page', async ({ host }) => {
  const { page } = host;
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.getByTestId('workspace-select')).toContainText('Demo');

  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('profile-card');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('key-status')).toHaveAttribute('data-has-key', 'true');
  await expect(page.getByTestId('key-status')).toContainText('system keychain');

  const key = host.emulator.keys.find((k) => k.scopes.includes('exports:create'))!.token;
  expect(await page.content()).not.toContain(key);

  await page.getByTestId('nav-new-export').click();
  await expect(page.getByTestId('create-export-submit')).toBeEnabled();
});
