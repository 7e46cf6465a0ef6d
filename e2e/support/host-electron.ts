/**
 * The e2e host with Electron: the built app (out/main) launched by Playwright with a throwaway HOME,
 * so its user data, downloads and autostart entries stay in a temp folder. The Demo workspace is
 * pointed at the test's emulator with PXE_DEMO_SERVER, so specs can steer the server the same way
 * as in the Chromium host.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, type ElectronApplication, type TestInfo } from '@playwright/test';
import Conf from 'conf';
import { DEFAULT_KEYCHAIN_SERVICE } from '../../src/core/secrets';
import { startEmulator } from '../../src/emulator';
import { TEST_EMULATOR, type Host, type HostOptions } from './host';
import { forgetKeys } from './keychain';

const PRODUCT_NAME = 'PlatformXE Export Manager';

export async function startElectronHost(executablePath: string, options: HostOptions, testInfo: TestInfo): Promise<Host> {
  const home = await mkdtemp(join(tmpdir(), 'pxe-e2e-home-'));
  const userDataDir = join(home, '.config', PRODUCT_NAME);
  const downloadsDir = join(home, 'Downloads', PRODUCT_NAME);
  await mkdir(userDataDir, { recursive: true });
  const emulator = await startEmulator({ ...TEST_EMULATOR, ...options.emulator });
  const key = emulator.keys.find((k) => k.scopes.includes('exports:create'))!.token;

  let app: ElectronApplication;
  const launch = async () => {
    app = await _electron.launch({
      executablePath,
      args: [resolve('.')],
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), PXE_DEMO_SERVER: emulator.baseUrl, PXE_DEMO_KEY: key },
    });
    const page = await app.firstWindow();
    await page.context().tracing.start({ screenshots: true, snapshots: true, title: testInfo.title });
    await expect(page.getByTestId('app-header')).toBeVisible();
    return page;
  };
  let page = await launch();

  return {
    kind: 'electron',
    get page() {
      return page;
    },
    emulator,
    userDataDir,
    downloadsDir,
    keychainService: DEFAULT_KEYCHAIN_SERVICE,
    runtime: null,
    desktop: null,
    async restart({ beforeStart } = {}) {
      await app.close();
      await beforeStart?.();
      page = await launch();
    },
    async pickFolderNext(path) {
      await app.evaluate(({ dialog }, chosen) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
      }, path);
    },
    async close(failed) {
      await page.context().tracing.stop(failed ? { path: testInfo.outputPath('trace.zip') } : undefined);
      await app.close();
      await forgetKeys(DEFAULT_KEYCHAIN_SERVICE, new Conf({ cwd: userDataDir, configName: 'settings' }));
      await emulator.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
