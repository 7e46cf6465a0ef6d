import Conf from 'conf';
import { storedSecrets } from './support/keychain';
import { test, expect } from './support/fixtures';

test('a key the server refuses gives a clear error and stores neither the workspace nor the key', async ({ host }) => {
  const { page } = host;
  const readOnly = host.emulator.keys.find((k) => !k.scopes.includes('exports:create'))!.token;
  const attempts = [
    { key: 'pxe_live_not_a_real_key_0000', code: 'key_rejected', says: /not accepted/i },
    { key: readOnly, code: 'insufficient_scope', says: /exports:create/ },
  ];

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('add-profile-open').click();
  await page.getByTestId('profile-name').fill('Production');
  await page.getByTestId('profile-base-url').fill(host.emulator.baseUrl);

  for (const attempt of attempts) {
    await page.getByTestId('profile-key').fill(attempt.key);
    await page.getByTestId('profile-submit').click();
    const error = page.getByTestId('profile-error');
    await expect(error).toHaveAttribute('data-error-code', attempt.code);
    await expect(error).toContainText(attempt.says);
    expect(await error.innerText()).not.toContain(attempt.key);
  }

  await expect(page.getByTestId('profile-card')).toHaveCount(1);
  const secrets = await storedSecrets(host.keychainService);
  expect(secrets.map((s) => s.password)).not.toContain(attempts[0]!.key);
  expect(secrets.map((s) => s.password)).not.toContain(readOnly);
  const profiles = new Conf({ cwd: host.userDataDir, configName: 'settings' }).get('profiles') as Array<{ name: string }>;
  expect(profiles.map((p) => p.name)).toEqual(['Demo']);
});
