/**
 * The `host` fixture: for each test a fresh app (temp user data, its own emulator), in Chromium with
 * the real main-side handlers in this process, or in Electron when its binary exists.
 */
import { chromium, test as base, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { findElectronBinary } from './electron-binary';
import type { Host, HostKind, HostOptions } from './host';
import { startChromiumHost } from './host-chromium';
import { startElectronHost } from './host-electron';

export { expect } from '@playwright/test';
export type { Host } from './host';

interface Fixtures {
  hostOptions: HostOptions;
  host: Host;
}

interface WorkerFixtures {
  hostKind: HostKind;
  hostBrowser: Browser | null;
}

let electronReasonShown = false;

export const test = base.extend<Fixtures, WorkerFixtures>({
  hostKind: ['chromium', { option: true, scope: 'worker' }],
  hostOptions: [{}, { option: true }],

  // Launched only for the Chromium host, once per worker.
  hostBrowser: [
    async ({ hostKind }, use) => {
      if (hostKind !== 'chromium') return use(null);
      const browser = await chromium.launch(chromiumLaunchOptions());
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  host: async ({ hostKind, hostBrowser, hostOptions }, use, testInfo) => {
    let host: Host;
    if (hostKind === 'electron') {
      const electron = findElectronBinary();
      if (electron.path === null && !electronReasonShown) {
        electronReasonShown = true;
        console.warn(`Electron host skipped: ${electron.reason}.`);
      }
      test.skip(electron.path === null, `Electron host skipped: ${electron.path === null ? electron.reason : ''}`);
      host = await startElectronHost(electron.path!, hostOptions, testInfo);
    } else {
      host = await startChromiumHost(hostBrowser!, hostOptions, testInfo);
    }
    await use(host);
    await host.close(testInfo.status !== testInfo.expectedStatus);
  },
});
