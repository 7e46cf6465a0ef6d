import { defineConfig } from '@playwright/test';
import type { HostKind } from './e2e/support/host';

/**
 * Two hosts run the same specs: the built renderer in Chromium wired to the real main-side handlers
 * in the test process (always), and the packaged-to-be app in Electron (when its binary exists;
 * otherwise each test is skipped with the reason). The machine is small: one worker.
 */
export default defineConfig<object, { hostKind: HostKind }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  // A hung run must fail with the name of the test it hung in, not use up CI's whole budget.
  globalTimeout: 20 * 60_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  projects: [
    { name: 'chromium', use: { hostKind: 'chromium' } },
    { name: 'electron', use: { hostKind: 'electron' } },
  ],
});
