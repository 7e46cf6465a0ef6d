/** DesktopPort without a desktop (the e2e host, tests): records what the app asked for; the folder picker answers what the test chose. */
import type { DesktopNotification, DesktopPort } from './desktop-port';

export interface RecordingDesktop extends DesktopPort {
  readonly opened: string[];
  readonly shownInFolder: string[];
  readonly notifications: DesktopNotification[];
  readonly loginItems: Array<{ openAtLogin: boolean; openAsHidden: boolean }>;
  /** What the next folder picker answers (null: the user cancels). */
  nextFolder: string | null;
}

export function createRecordingDesktop(): RecordingDesktop {
  const desktop: RecordingDesktop = {
    opened: [],
    shownInFolder: [],
    notifications: [],
    loginItems: [],
    nextFolder: null,
    async openPath(path) {
      desktop.opened.push(path);
    },
    showInFolder(path) {
      desktop.shownInFolder.push(path);
    },
    async pickFolder() {
      return desktop.nextFolder;
    },
    notify(notification) {
      desktop.notifications.push(notification);
    },
    showWindow() {},
    setLaunchAtLogin(options) {
      desktop.loginItems.push(options);
    },
  };
  return desktop;
}
