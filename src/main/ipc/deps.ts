import type { Profile } from '../../shared/domain';
import type { AppInfo, KeyStorage } from '../../shared/ipc';
import type { ExportEngine } from '../../core/engine';
import type { JobRegistry } from '../../core/jobs';
import type { ProfileService } from '../../core/profiles';
import type { AppSettings } from '../runtime/app-settings';
import type { AppStatusTracker } from '../runtime/app-status';
import type { DesktopPort } from './desktop-port';
import type { EventHub } from './event-hub';

/** Everything the IPC handlers act on. No Electron: the desktop comes in through DesktopPort. */
export interface IpcHandlerDeps {
  engine: ExportEngine;
  registry: JobRegistry;
  profiles: ProfileService;
  settings: AppSettings;
  status: AppStatusTracker;
  hub: EventHub;
  desktop: DesktopPort;
  /** Where keys are kept on this machine (keychain, safeStorage, or this session only). */
  keyStorage: KeyStorage;
  /** Proves a key works against a profile's server before anything is stored; throws a UserError otherwise. */
  checkKey: (profile: Profile, apiKey: string) => Promise<void>;
  /** Where a new profile's files go until the user picks a folder. */
  defaultDownloadDir: string;
  appInfo: () => AppInfo;
  /** After a profile is gone (the Demo workspace stops its local server). */
  onProfileRemoved?: (profile: Profile) => Promise<void> | void;
}
