/**
 * What the IPC handlers and the runtime need from the desktop, and nothing more. Electron's
 * implementation lives in ../desktop-port.ts; the e2e host records the calls instead, so every
 * handler runs in plain Node.
 */
export interface DesktopNotification {
  title: string;
  body: string;
  /** The user clicked the notification. */
  onClick: () => void;
}

export interface DesktopPort {
  /** Opens a file this app downloaded with the system's default application. */
  openPath(path: string): Promise<void>;
  /** Shows a file this app downloaded in the system's file manager. */
  showInFolder(path: string): void;
  /** The system's folder picker; null when cancelled. */
  pickFolder(options: { title: string; defaultPath: string }): Promise<string | null>;
  notify(notification: DesktopNotification): void;
  /** Brings the window back from the tray. */
  showWindow(): void;
  setLaunchAtLogin(options: { openAtLogin: boolean; openAsHidden: boolean }): void;
}
