/** App settings. Toggles apply at once and roll back if main refuses them. */
import { createStore } from 'zustand/vanilla';
import type { Settings } from '../../shared/domain';
import type { ExportManagerApi, IpcError, IpcResult } from '../../shared/ipc';

export type SettingsApi = Pick<ExportManagerApi, 'getSettings' | 'updateSettings'>;

export interface SettingsState {
  settings: Settings | null;
  loadError: IpcError | null;
  saveError: IpcError | null;
  load(): Promise<void>;
  update(patch: Partial<Settings>): Promise<IpcResult<Settings>>;
}

export function createSettingsStore(api: SettingsApi) {
  return createStore<SettingsState>()((set, get) => ({
    settings: null,
    loadError: null,
    saveError: null,

    async load() {
      const result = await api.getSettings();
      set(result.ok ? { settings: result.value, loadError: null } : { loadError: result.error });
    },

    async update(patch) {
      const before = get().settings;
      if (before) set({ settings: { ...before, ...patch }, saveError: null });
      const result = await api.updateSettings(patch);
      // Main's answer is the truth: it may have refused or adjusted the change.
      set(result.ok ? { settings: result.value } : { settings: before, saveError: result.error });
      return result;
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
