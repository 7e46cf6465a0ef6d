/**
 * Every webContents hardening in one place (after podman-desktop's security-restrictions.ts):
 * - the one way to make a window, with context isolation, sandbox, no Node, web security, no webview;
 * - for every webContents ever created: navigation, new windows and <webview> denied; links the
 *   user clicks open in the browser only when they are https and allow-listed;
 * - for the session: every permission request and check denied, and the CSP sent as a header too
 *   (a second layer behind the <meta> tag; the dev server's relaxed policy only in development).
 */
import { app, BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { devServerCsp, isAllowedExternalLink, PRODUCTION_CSP } from './security-policy';

/** Every window of the app is made here, so none can be created without these preferences. */
export function createHardenedWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, preload: string): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      // The preload is sandboxed and exposes only the contract's named methods through contextBridge
      // (src/preload/index.ts): no ipcRenderer, no Node; the e2e isolation spec checks the page side.
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
}

function openInBrowser(url: string): void {
  if (!isAllowedExternalLink(url)) return;
  // Only https links to the hosts in EXTERNAL_LINK_HOSTS get here (checked on the line above).
  shell.openExternal(url).catch((error: unknown) => console.error('Could not open the link in the browser:', error)); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
}

/** The page loads once and never goes anywhere else; links leave through the allow-list. */
export function restrictWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openInBrowser(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
}

export function restrictSession(session: Session, options: { devServerUrl: string | null }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  const csp = options.devServerUrl ? devServerCsp(options.devServerUrl) : PRODUCTION_CSP;
  session.webRequest.onHeadersReceived({ urls: ['*://*/*'] }, (details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

/** Call once, before any window exists. */
export function applySecurityRestrictions(session: Session, options: { devServerUrl: string | null }): void {
  app.on('web-contents-created', (_event, contents) => restrictWebContents(contents));
  restrictSession(session, options);
}
