/** The real desktop behind DesktopPort: shell, dialogs, notifications, login items. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, dialog, Notification, shell, type BrowserWindow } from 'electron';
import { UserError } from '../../core/errors';
import type { DesktopPort } from '../ipc/desktop-port';
import { setAutostart } from './autostart';

/** Passed on the command line when the system starts the app at login with "start hidden" on. */
export const HIDDEN_ARG = '--hidden';

export interface ElectronDesktopDeps {
  window: () => BrowserWindow | null;
  showWindow: () => void;
}

export function createElectronDesktopPort(deps: ElectronDesktopDeps): DesktopPort {
  // A Notification that is garbage-collected before it is clicked loses its click handler.
  const shown = new Set<Notification>();

  return {
    async openPath(path) {
      const problem = await shell.openPath(path);
      if (problem) throw new UserError('open_failed', `The file could not be opened (${problem}); use Show in folder and open it from there.`);
    },
    showInFolder: (path) => shell.showItemInFolder(path),
    async pickFolder({ title, defaultPath }) {
      const options = { title, defaultPath, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      const window = deps.window();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      shown.add(notification);
      notification.on('click', onClick);
      notification.on('close', () => shown.delete(notification));
      notification.show();
    },
    showWindow: () => deps.showWindow(),
    setLaunchAtLogin({ openAtLogin, openAsHidden }) {
      const args = openAsHidden ? [HIDDEN_ARG] : [];
      if (process.platform !== 'linux') {
        app.setLoginItemSettings({ openAtLogin, openAsHidden, args });
        return;
      }
      const configHome = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
      const entry = { dir: join(configHome, 'autostart'), id: 'platformxe-export-manager', name: app.getName(), exec: process.env.APPIMAGE ?? process.execPath, args };
      setAutostart(entry, openAtLogin).catch((error: unknown) => console.error('Could not change launch at login:', error));
    },
  };
}
