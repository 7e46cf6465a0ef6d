/**
 * Every IPC channel, implemented against the engine, the profiles and the settings. Plain Node: the
 * Electron shell registers these through register.ts, the e2e host calls them through dispatch().
 */
import type { IpcHandlers } from '../../shared/ipc';
import { createAppHandlers } from './app-handlers';
import type { IpcHandlerDeps } from './deps';
import { createJobHandlers } from './job-handlers';
import { createProfileHandlers } from './profile-handlers';

export type { IpcHandlerDeps } from './deps';

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  return {
    ...createProfileHandlers(deps),
    ...createJobHandlers(deps),
    ...createAppHandlers(deps),
  } satisfies IpcHandlers;
}
