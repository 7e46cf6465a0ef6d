/**
 * The e2e host without Electron: the built renderer in Chromium, `window.exportManager` built by the
 * contract's own builder over a Playwright binding, and behind it the REAL main side (createRuntime:
 * engine, profiles, keychain through keytar, files on disk) running in the test process against the
 * emulator over loopback HTTP. Only the desktop (file manager, notifications, folder picker) is a
 * recorder.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Browser, type TestInfo } from '@playwright/test';
import Conf from 'conf';
import { createKeytarSecretStore } from '../../src/core/secrets';
import { startEmulator } from '../../src/emulator';
import { createRecordingDesktop } from '../../src/main/ipc/recording-desktop';
import { createToIpcError } from '../../src/main/ipc/to-ipc-error';
import { createRuntime, type Runtime } from '../../src/main/runtime/create-runtime';
import { externalDemoServer } from '../../src/main/runtime/demo-workspace';
import { chooseSecretStore, type ChosenSecretStore } from '../../src/main/secrets/choose-secret-store';
import { dispatch, fail, IPC_ERROR_CODES } from '../../src/shared/ipc';
import { bridgeScript } from './bridge-script';
import { forgetKeys } from './keychain';
import { serveRenderer } from './static-server';
import { TEST_EMULATOR, type Host, type HostOptions } from './host';

export const E2E_KEYCHAIN_SERVICE = 'PlatformXE Export Manager (e2e)';
const RENDERER_DIR = resolve('out/renderer');
const WIRE_PREFIX = 'pxe:';

async function openKeychain(): Promise<ChosenSecretStore> {
  const chosen = await chooseSecretStore({ keychain: createKeytarSecretStore({ service: E2E_KEYCHAIN_SERVICE }), safeStorage: null });
  if (chosen.storage !== 'keychain') {
    throw new Error(`The e2e tests need a real keychain: ${chosen.problem} Run them with \`bash scripts/with-keyring.sh npx playwright test\`.`);
  }
  return chosen;
}

/** Batches events into one page.evaluate per turn, in order, as webContents.send would deliver them. */
function eventPump(deliver: (batch: Array<[string, unknown]>) => Promise<unknown>) {
  let batch: Array<[string, unknown]> = [];
  let chain: Promise<unknown> = Promise.resolve();
  let scheduled = false;
  return {
    push(channel: string, payload: unknown) {
      batch.push([channel, payload]);
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        const items = batch;
        batch = [];
        // A page that is reloading or closed drops its events, as a destroyed webContents would.
        chain = chain.then(() => deliver(items)).catch(() => undefined);
      });
    },
  };
}

export async function startChromiumHost(browser: Browser, options: HostOptions, testInfo: TestInfo): Promise<Host> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'pxe-e2e-'));
  const downloadsDir = join(userDataDir, 'Downloads');
  await mkdir(downloadsDir);
  const emulator = await startEmulator({ ...TEST_EMULATOR, ...options.emulator });
  const secrets = await openKeychain();
  const renderer = await serveRenderer(RENDERER_DIR);
  const rendererOrigin = new URL(renderer.url).origin;
  const desktop = createRecordingDesktop();
  const toIpcError = createToIpcError();
  const settingsFile = () => new Conf({ cwd: userDataDir, configName: 'settings' });

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', reducedMotion: 'reduce' });
  await context.tracing.start({ screenshots: true, snapshots: true, title: testInfo.title });
  const page = await context.newPage();
  const pump = eventPump((items) => page.evaluate((b) => (globalThis as { __pxeDeliver?: (b: unknown) => void }).__pxeDeliver?.(b), items));

  let runtime: Runtime | null = null;
  let generation = 0;
  const start = async () => {
    const mine = ++generation;
    runtime = await createRuntime({
      dataDir: userDataDir,
      settingsStore: settingsFile(),
      secrets,
      fetch: globalThis.fetch,
      desktop,
      // Events of a runtime that was stopped for a restart are not delivered to its successor's page.
      send: (channel, payload) => {
        if (mine === generation) pump.push(channel, payload);
      },
      app: { productName: 'PlatformXE Export Manager', version: '0.1.0', platform: 'linux' },
      defaultDownloadDir: downloadsDir,
      startDemoServer: externalDemoServer(emulator.baseUrl, emulator.keys.find((k) => k.scopes.includes('exports:create'))!.token),
    });
  };
  const current = (): Runtime => {
    if (!runtime) throw new Error('the app is not running');
    return runtime;
  };
  const waitReady = async () => {
    await expect(page.getByTestId('app-header')).toBeVisible();
    await expect.poll(() => current().hub.isReady, { message: 'the renderer says ready' }).toBe(true);
  };

  // The same checks as main's handle(): our page's main frame only, then dispatch().
  await page.exposeBinding('__pxeInvoke', async (source, channel: unknown, args: unknown) => {
    if (source.frame !== page.mainFrame() || new URL(source.frame.url()).origin !== rendererOrigin) {
      return fail(IPC_ERROR_CODES.forbiddenSender, 'This request did not come from the app’s own window and was refused.');
    }
    const name = typeof channel === 'string' && channel.startsWith(WIRE_PREFIX) ? channel.slice(WIRE_PREFIX.length) : '';
    return dispatch(name, args, current().handlers, undefined, toIpcError);
  });
  await page.addInitScript({ content: await bridgeScript() });
  await start();
  await page.goto(renderer.url);
  await waitReady();

  return {
    kind: 'chromium',
    page,
    emulator,
    userDataDir,
    downloadsDir,
    keychainService: E2E_KEYCHAIN_SERVICE,
    get runtime() {
      return runtime;
    },
    desktop,
    async restart({ beforeStart } = {}) {
      await current().stop();
      runtime = null;
      await beforeStart?.();
      await start();
      await page.reload();
      await waitReady();
    },
    async pickFolderNext(path) {
      desktop.nextFolder = path;
    },
    async close(failed) {
      // Every step runs even if one before it fails, so no keys, servers or folders are left behind.
      const steps = [
        () => runtime?.stop(),
        () => forgetKeys(E2E_KEYCHAIN_SERVICE, settingsFile()),
        () => context.tracing.stop(failed ? { path: testInfo.outputPath('trace.zip') } : undefined),
        () => context.close(),
        () => renderer.close(),
        () => emulator.close(),
        () => rm(userDataDir, { recursive: true, force: true }),
      ];
      const problems: unknown[] = [];
      for (const step of steps) await Promise.resolve().then(step).catch((error: unknown) => problems.push(error));
      if (problems.length > 0) throw new AggregateError(problems, 'The e2e host did not close cleanly');
    },
  };
}
