/**
 * Which browser runs the renderer: the system Chromium where it is installed (Debian's
 * /usr/bin/chromium, as in CI), Playwright's own elsewhere. In CI a missing system Chromium is an
 * error, never a silent switch or skip.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumLaunchOptions(): LaunchOptions {
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: ARGS };
  if (process.env.CI) {
    throw new Error(`${SYSTEM_CHROMIUM} is missing: CI runs the e2e tests in the system Chromium (apt-get install chromium).`);
  }
  return { args: ARGS };
}
