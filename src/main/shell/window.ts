/** The one app window: hardened, shown when ready (unless starting hidden), hidden to the tray on close. */
import { nativeTheme, type BrowserWindow } from 'electron';
import { createHardenedWindow } from '../security';

export interface MainWindowOptions {
  preload: string;
  /** The built index.html, or the dev server URL in development. */
  page: { file: string } | { url: string };
  startHidden: boolean;
  /** True once the user chose Quit: closing then really closes. */
  quitting: () => boolean;
  icon?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = createHardenedWindow(
    {
      width: 1200,
      height: 800,
      minWidth: 760,
      minHeight: 520,
      show: false,
      title: 'PlatformXE Export Manager',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
      autoHideMenuBar: true,
      ...(options.icon ? { icon: options.icon } : {}),
    },
    options.preload,
  );
  window.once('ready-to-show', () => {
    if (!options.startHidden) window.show();
  });
  window.on('close', (event) => {
    if (options.quitting()) return;
    event.preventDefault();
    window.hide();
  });
  if ('url' in options.page) void window.loadURL(options.page.url);
  else void window.loadFile(options.page.file);
  return window;
}

export function showAndFocus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
