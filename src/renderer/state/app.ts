/** What main says about the app as a whole: version, demo, paused, online, what needs attention. */
import { createStore } from 'zustand/vanilla';
import type { AppInfo, AppStatus, ExportManagerApi, IpcError } from '../../shared/ipc';

export type AppApi = Pick<ExportManagerApi, 'getAppInfo' | 'getAppStatus' | 'setPaused'>;

export interface AppState {
  info: AppInfo | null;
  status: AppStatus | null;
  error: IpcError | null;
  load(): Promise<void>;
  applyStatus(status: AppStatus): void;
  setPaused(paused: boolean): Promise<void>;
}

export function createAppStore(api: AppApi) {
  return createStore<AppState>()((set) => ({
    info: null,
    status: null,
    error: null,

    async load() {
      const [info, status] = await Promise.all([api.getAppInfo(), api.getAppStatus()]);
      if (info.ok) set({ info: info.value });
      if (status.ok) set({ status: status.value });
      const failed = !info.ok ? info : !status.ok ? status : null;
      set({ error: failed ? failed.error : null });
    },

    applyStatus: (status) => set({ status }),

    async setPaused(paused) {
      const result = await api.setPaused({ paused });
      set(result.ok ? { status: result.value, error: null } : { error: result.error });
    },
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
