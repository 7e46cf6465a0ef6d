/** The tray icon and its menu, redrawn from tray-model.ts whenever the app status changes. */
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { JobRecord } from '../../shared/domain';
import type { AppStatus } from '../../shared/ipc';
import { trayMenu, trayState, trayTooltip, type TrayAction, type TrayMenuItem, type TrayState } from './tray-model';

export interface AppTrayOptions {
  productName: string;
  /** PNG per state (macOS uses the "Template" variants, which follow the menu bar's colour). */
  iconPath: (state: TrayState) => string;
  recentJobs: () => readonly JobRecord[];
  onAction: (action: TrayAction) => void;
  onClick: () => void;
}

export interface AppTray {
  update(status: AppStatus): void;
  destroy(): void;
}

function toTemplate(items: TrayMenuItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'submenu') return { label: item.label, submenu: toTemplate(item.items, onAction) };
    return { label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
  });
}

export function createAppTray(options: AppTrayOptions, initial: AppStatus): AppTray {
  const images = new Map<TrayState, NativeImage>();
  const image = (state: TrayState) => {
    let icon = images.get(state);
    if (!icon) images.set(state, (icon = nativeImage.createFromPath(options.iconPath(state))));
    return icon;
  };
  const tray = new Tray(image(trayState(initial)));
  tray.on('click', options.onClick);

  const update = (status: AppStatus) => {
    tray.setImage(image(trayState(status)));
    tray.setToolTip(trayTooltip(options.productName, status));
    tray.setContextMenu(Menu.buildFromTemplate(toTemplate(trayMenu(options.recentJobs(), status.paused), options.onAction)));
  };
  update(initial);
  return { update, destroy: () => tray.destroy() };
}
