/** The server-side processor of each profile: what it is, and saving a change to it. */
import { createStore } from 'zustand/vanilla';
import type { ExportManagerApi, IpcError, IpcResult, ProcessorPatch } from '../../shared/ipc';
import type { Processor } from '../../shared/wire';

export type ProcessorApi = Pick<ExportManagerApi, 'getProcessor' | 'updateProcessor'>;

export interface ProcessorEntry {
  processor: Processor | null;
  loading: boolean;
  saving: boolean;
  /** Reading failed (shown where the form would be). */
  loadError: IpcError | null;
  /** Saving failed (shown inline under the form; the form keeps the user's values). */
  saveError: IpcError | null;
}

export interface ProcessorState {
  byProfile: Readonly<Record<string, ProcessorEntry>>;
  load(profileId: string): Promise<void>;
  save(profileId: string, patch: ProcessorPatch): Promise<IpcResult<Processor>>;
  clearSaveError(profileId: string): void;
}

export const EMPTY_ENTRY: ProcessorEntry = { processor: null, loading: false, saving: false, loadError: null, saveError: null };

export function createProcessorStore(api: ProcessorApi) {
  return createStore<ProcessorState>()((set, get) => {
    const patchEntry = (profileId: string, patch: Partial<ProcessorEntry>) =>
      set({ byProfile: { ...get().byProfile, [profileId]: { ...(get().byProfile[profileId] ?? EMPTY_ENTRY), ...patch } } });

    return {
      byProfile: {},

      async load(profileId) {
        patchEntry(profileId, { loading: true, loadError: null });
        const result = await api.getProcessor({ profileId });
        patchEntry(profileId, result.ok ? { loading: false, processor: result.value } : { loading: false, loadError: result.error });
      },

      async save(profileId, patch) {
        if (get().byProfile[profileId]?.saving) return { ok: false, error: { code: 'busy', message: 'A change is already being saved.' } };
        patchEntry(profileId, { saving: true, saveError: null });
        const result = await api.updateProcessor({ profileId, patch });
        patchEntry(profileId, result.ok ? { saving: false, processor: result.value } : { saving: false, saveError: result.error });
        return result;
      },

      clearSaveError: (profileId) => patchEntry(profileId, { saveError: null }),
    };
  });
}

export type ProcessorStore = ReturnType<typeof createProcessorStore>;
