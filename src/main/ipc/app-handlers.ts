import type { IpcHandlers } from '../../shared/ipc';
import type { IpcHandlerDeps } from './deps';

type AppChannels = 'getProcessor' | 'updateProcessor' | 'getSettings' | 'updateSettings' | 'getAppInfo' | 'getAppStatus' | 'setPaused' | 'ready';

export function createAppHandlers(deps: IpcHandlerDeps): Pick<IpcHandlers, AppChannels> {
  const { engine, settings, status } = deps;
  return {
    getProcessor: ({ profileId }) => engine.getProcessor(profileId),
    updateProcessor: ({ profileId, patch }) => engine.updateProcessor(profileId, patch),

    getSettings: () => settings.get(),
    updateSettings(patch) {
      const before = settings.get();
      const after = settings.update(patch);
      if (before.launchAtLogin !== after.launchAtLogin || before.startHidden !== after.startHidden) {
        deps.desktop.setLaunchAtLogin({ openAtLogin: after.launchAtLogin, openAsHidden: after.startHidden });
      }
      return after;
    },

    getAppInfo: () => deps.appInfo(),
    getAppStatus: () => status.refresh(),
    setPaused({ paused }) {
      if (paused) engine.pause();
      else engine.resume();
      return status.refresh();
    },

    ready() {
      deps.hub.ready();
      return null;
    },
  };
}
