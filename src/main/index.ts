/**
 * The Electron shell: one instance, one hardened window that hides to the tray, the tray, and the
 * runtime (engine, profiles, keys, IPC handlers) wired to Electron's pieces. Everything with logic
 * lives in plain-Node modules; this file only connects them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain, net, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { createKeytarSecretStore } from '../core/secrets';
import { createToIpcError } from './ipc/to-ipc-error';
import { registerIpcHandlers } from './ipc/register';
import { createRuntime, type Runtime } from './runtime/create-runtime';
import { externalDemoServer, startDemoEmulator } from './runtime/demo-workspace';
import { chooseSecretStore, isRealSafeStorage } from './secrets/choose-secret-store';
import { createEncryptedSecretStore } from './secrets/encrypted-secret-store';
import { applySecurityRestrictions } from './security';
import { createElectronDesktopPort, HIDDEN_ARG } from './shell/desktop-port';
import { createAppTray, type AppTray } from './shell/tray';
import { RECENT_JOBS_IN_MENU, type TrayAction } from './shell/tray-model';
import { createMainWindow, showAndFocus } from './shell/window';

const APP_ID = 'com.platformxe.exportmanager';
const PRODUCT_NAME = 'PlatformXE Export Manager';
const TRAY_MENU_REFRESH_MS = 2_000;

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
const preloadFile = join(here, '../preload/index.cjs');
/** electron-vite sets this for `npm start` only; a packaged app never loads from a server. */
const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
const trayIconDir = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');

let window: BrowserWindow | null = null;
let runtime: Runtime | null = null;
let tray: AppTray | null = null;
let quitting = false;
let stopped = false;
let stopping: Promise<void> | null = null;
const toIpcError = createToIpcError();

function showWindow(): void {
  if (window && !window.isDestroyed()) showAndFocus(window);
}

async function openSecretStore() {
  const safe = isRealSafeStorage(safeStorage, process.platform)
    ? () => createEncryptedSecretStore(new ElectronStore({ name: 'keys' }), safeStorage)
    : null;
  return chooseSecretStore({ keychain: createKeytarSecretStore(), safeStorage: safe });
}

function handleTrayAction(action: TrayAction): void {
  if (!runtime) return;
  const { handlers, hub } = runtime;
  const report = (error: unknown) => hub.emit('notice', { level: 'error', message: toIpcError(error, 'openFile').message });
  switch (action.kind) {
    case 'open':
      return showWindow();
    case 'new-export':
      showWindow();
      return hub.emit('navigate', { view: 'new-export' });
    case 'show-job':
      showWindow();
      return hub.emit('navigate', { view: 'jobs', jobId: action.jobId });
    case 'open-file':
      return void Promise.resolve(handlers.openFile({ jobId: action.jobId }, undefined)).catch(report);
    case 'show-in-folder':
      return void Promise.resolve(handlers.showInFolder({ jobId: action.jobId }, undefined)).catch(report);
    case 'toggle-pause':
      return void handlers.setPaused({ paused: !runtime.engine.paused }, undefined);
    case 'quit':
      return app.quit();
  }
}

async function start(): Promise<void> {
  app.setAppUserModelId(APP_ID);
  applySecurityRestrictions(session.defaultSession, { devServerUrl });

  const settingsStore = new ElectronStore({ name: 'settings' });
  const desktop = createElectronDesktopPort({ window: () => window, showWindow });
  let menuTimer: NodeJS.Timeout | null = null;
  const refreshTrayMenu = () => {
    menuTimer ??= setTimeout(() => {
      menuTimer = null;
      if (runtime) tray?.update(runtime.status.current());
    }, TRAY_MENU_REFRESH_MS);
  };

  runtime = await createRuntime({
    dataDir: app.getPath('userData'),
    settingsStore,
    createJobStore: (options) => new ElectronStore(options),
    secrets: await openSecretStore(),
    fetch: net.fetch as typeof globalThis.fetch,
    desktop,
    send: (channel, payload) => {
      if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
    },
    app: { productName: PRODUCT_NAME, version: app.getVersion(), platform: platformOf(process.platform) },
    defaultDownloadDir: join(app.getPath('downloads'), PRODUCT_NAME),
    startDemoServer: process.env.PXE_DEMO_SERVER ? externalDemoServer(process.env.PXE_DEMO_SERVER, process.env.PXE_DEMO_KEY) : startDemoEmulator,
    onStatusChange: (status) => tray?.update(status),
  });
  const { hub, engine, registry, settings } = runtime;
  engine.on('job-changed', refreshTrayMenu);

  registerIpcHandlers({
    ipcMain,
    handlers: runtime.handlers,
    toError: toIpcError,
    windowId: () => (window && !window.isDestroyed() ? window.webContents.id : null),
    origin: { rendererFile, devServerUrl },
  });

  const startHidden = settings.get().startHidden || process.argv.includes(HIDDEN_ARG);
  window = createMainWindow({
    preload: preloadFile,
    page: devServerUrl ? { url: devServerUrl } : { file: rendererFile },
    startHidden,
    quitting: () => quitting,
  });
  // A reload or a crashed renderer subscribes again: queue events until it says ready.
  window.webContents.on('did-start-loading', () => hub.reset());
  window.webContents.on('render-process-gone', () => hub.reset());

  tray = createAppTray(
    {
      productName: PRODUCT_NAME,
      iconPath: (state) => join(trayIconDir, `tray-${state}.png`),
      recentJobs: () => registry.list().slice(0, RECENT_JOBS_IN_MENU),
      onAction: handleTrayAction,
      onClick: showWindow,
    },
    runtime.status.current(),
  );
  // After sleep the network may be back: polling resumes and dropped downloads are retried.
  powerMonitor.on('resume', () => engine.setOnline(true));
}

function platformOf(platform: NodeJS.Platform) {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other';
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // The app lives in the tray: closing the window does not quit.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    quitting = true;
    if (stopped || !runtime) return;
    // Pollers and downloads end first (a transfer under way keeps its part file), then the app exits.
    event.preventDefault();
    stopping ??= runtime
      .stop()
      .catch((error: unknown) => console.error('Stopping the engine failed:', error))
      .finally(() => {
        stopped = true;
        tray?.destroy();
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('The app could not start:', error);
      app.exit(1);
    });
}
