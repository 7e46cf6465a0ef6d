/**
 * Electron's main-process API, reduced to what the shell calls, for booting the built main bundle
 * under plain Node where the Electron binary cannot be installed. Calls are recorded on
 * `globalThis.electronStub` so the boot test can see what the shell did.
 */
const noop = () => {};
const events = () => ({ on: noop, once: noop, off: noop, removeListener: noop });
const record = (globalThis.electronStub = { handles: [], windows: [], loaded: [], exitCode: null });
const userData = process.env.PXE_STUB_USER_DATA;

export const app = {
  ...events(),
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  requestSingleInstanceLock: () => true,
  getPath: (name) => `${userData}/${name}`,
  getAppPath: () => process.cwd(),
  getVersion: () => '0.0.0-boot-test',
  setAppUserModelId: noop,
  setLoginItemSettings: noop,
  getLoginItemSettings: () => ({ openAtLogin: false }),
  quit: noop,
  exit: (code) => {
    record.exitCode = code;
  },
};
export const ipcMain = { handle: (channel) => record.handles.push(channel), removeHandler: noop, on: noop };
export const net = { fetch: (...args) => fetch(...args) };
export const powerMonitor = events();
export const nativeTheme = { ...events(), shouldUseDarkColors: false };
export const safeStorage = { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: noop,
    setPermissionCheckHandler: noop,
    setDevicePermissionHandler: noop,
    setDisplayMediaRequestHandler: noop,
    webRequest: { onHeadersReceived: noop },
  },
};
export class BrowserWindow {
  constructor(options) {
    record.windows.push(options);
    this.webContents = { ...events(), id: 1, send: noop, setWindowOpenHandler: noop };
  }
  on() {}
  once() {}
  loadFile(file) {
    record.loaded.push(file);
    return Promise.resolve();
  }
  loadURL(url) {
    record.loaded.push(url);
    return Promise.resolve();
  }
  show() {}
  hide() {}
  focus() {}
  restore() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  isVisible() {
    return true;
  }
}
export class Tray {
  setToolTip() {}
  setImage() {}
  setContextMenu() {}
  on() {}
  destroy() {}
}
export const Menu = { buildFromTemplate: (template) => template };
export const nativeImage = { createFromPath: () => ({ isEmpty: () => false, resize() { return this; } }) };
export class Notification {
  static isSupported() {
    return true;
  }
  on() {}
  show() {}
}
export const shell = { openExternal: async () => undefined, openPath: async () => '', showItemInFolder: noop };
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) };
export default { app, ipcMain, shell };
