/** Jobs as main reports them, plus live download progress and which job actions are in flight. */
import { createStore } from 'zustand/vanilla';
import type { CreateExportInput, DownloadProgress, JobView } from '../../shared/domain';
import type { CreateExportResult, ExportManagerApi, IpcError, IpcResult } from '../../shared/ipc';

export type JobsApi = Pick<
  ExportManagerApi,
  'listJobs' | 'createExport' | 'retryDownload' | 'rerunExport' | 'openFile' | 'showInFolder'
>;

export type JobAction = 'retry-download' | 'rerun' | 'open-file' | 'show-in-folder';

export interface JobsState {
  byId: ReadonlyMap<string, JobView>;
  progress: Readonly<Record<string, DownloadProgress>>;
  loaded: boolean;
  loadError: IpcError | null;
  creating: boolean;
  /** At most one action per job at a time: its button is disabled meanwhile. */
  pending: Readonly<Record<string, JobAction>>;
  actionErrors: Readonly<Record<string, IpcError>>;
  load(): Promise<void>;
  applyJobs(jobs: readonly JobView[]): void;
  applyProgress(updates: readonly DownloadProgress[]): void;
  create(input: CreateExportInput, requestId: string): Promise<IpcResult<CreateExportResult>>;
  retryDownload(jobId: string): Promise<IpcResult<JobView>>;
  rerun(jobId: string, requestId: string): Promise<IpcResult<JobView>>;
  openFile(jobId: string): Promise<IpcResult<null>>;
  showInFolder(jobId: string): Promise<IpcResult<null>>;
}

const isNewer = (candidate: JobView, current: JobView | undefined) =>
  !current || Date.parse(candidate.updatedAt) >= Date.parse(current.updatedAt);

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

const busy = fail('busy', 'That is already under way.');
function fail(code: string, message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code, message } };
}

export function createJobsStore(api: JobsApi) {
  return createStore<JobsState>()((set, get) => {
    const upsert = (jobs: readonly JobView[]) => {
      const byId = new Map(get().byId);
      let progress = get().progress;
      for (const job of jobs) {
        // An event can overtake the list it belongs to: keep whichever copy is newer.
        if (!isNewer(job, byId.get(job.id))) continue;
        byId.set(job.id, job);
        if (job.download.state !== 'downloading' && progress[job.id]) progress = without(progress, job.id);
      }
      set({ byId, progress });
    };

    const runAction = async <T>(jobId: string, action: JobAction, call: () => Promise<IpcResult<T>>) => {
      if (get().pending[jobId]) return busy;
      set({ pending: { ...get().pending, [jobId]: action }, actionErrors: without(get().actionErrors, jobId) });
      const result = await call();
      set({
        pending: without(get().pending, jobId),
        actionErrors: result.ok ? get().actionErrors : { ...get().actionErrors, [jobId]: result.error },
      });
      return result;
    };

    return {
      byId: new Map(),
      progress: {},
      loaded: false,
      loadError: null,
      creating: false,
      pending: {},
      actionErrors: {},

      async load() {
        const result = await api.listJobs();
        if (!result.ok) return set({ loadError: result.error });
        // The list is the whole truth (a removed profile's jobs go), except where an event was newer.
        const current = get().byId;
        const byId = new Map(result.value.map((job) => [job.id, isNewer(job, current.get(job.id)) ? job : current.get(job.id)!]));
        set({ byId, loaded: true, loadError: null });
      },

      applyJobs: upsert,

      applyProgress(updates) {
        const progress = { ...get().progress };
        for (const update of updates) progress[update.jobId] = update;
        set({ progress });
      },

      async create(input, requestId) {
        // The form disables its button too; this guards every other way in (Enter twice, a tray click).
        if (get().creating) return busy;
        set({ creating: true });
        const result = await api.createExport({ requestId, input });
        if (result.ok) upsert([result.value.job]);
        set({ creating: false });
        return result;
      },

      retryDownload: (jobId) =>
        runAction(jobId, 'retry-download', async () => {
          const result = await api.retryDownload({ jobId });
          if (result.ok) upsert([result.value]);
          return result;
        }),

      rerun: (jobId, requestId) =>
        runAction(jobId, 'rerun', async () => {
          const result = await api.rerunExport({ jobId, requestId });
          if (result.ok) upsert([result.value]);
          return result;
        }),

      openFile: (jobId) => runAction(jobId, 'open-file', () => api.openFile({ jobId })),
      showInFolder: (jobId) => runAction(jobId, 'show-in-folder', () => api.showInFolder({ jobId })),
    };
  });
}

export type JobsStore = ReturnType<typeof createJobsStore>;
