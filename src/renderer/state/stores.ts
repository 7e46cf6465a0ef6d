/** One store per domain, fed by main's events. Built once in main.tsx from the real api. */
import type { DownloadProgress, JobView } from '../../shared/domain';
import type { ExportManagerApi, Unsubscribe } from '../../shared/ipc';
import { createAppStore } from './app';
import { createJobsStore } from './jobs';
import { createProcessorStore } from './processor';
import { createProfilesStore } from './profiles';
import { createSettingsStore } from './settings';
import { createUiStore } from './ui';

export function createStores(api: ExportManagerApi) {
  return {
    jobs: createJobsStore(api),
    profiles: createProfilesStore(api),
    processor: createProcessorStore(api),
    settings: createSettingsStore(api),
    app: createAppStore(api),
    ui: createUiStore(),
  };
}

export type Stores = ReturnType<typeof createStores>;

type EventsApi = Pick<
  ExportManagerApi,
  'onJobChanged' | 'onDownloadProgress' | 'onNotice' | 'onNavigate' | 'onAppStatus' | 'ready'
>;

/**
 * Job and progress events arrive in bursts (every poll, every chunk). They are applied together at
 * most this often, so 10,000 jobs are filtered and sorted a few times a second, not once per event.
 */
export const EVENT_BATCH_MS = 100;

/** Collects items and hands them over in one batch after `delayMs` (at once when 0). */
function batcher<T>(delayMs: number, apply: (items: T[]) => void) {
  const items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (items.length > 0) apply(items.splice(0));
  };
  return {
    push(item: T) {
      items.push(item);
      if (delayMs === 0) flush();
      else timer ??= setTimeout(flush, delayMs);
    },
    stop() {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}

/**
 * Subscribes before loading and says `ready` after, so nothing main queued is lost and the
 * snapshots are in place when the queued events arrive (older copies of a job are ignored).
 */
export async function connectStores(api: EventsApi, stores: Stores, batchMs = EVENT_BATCH_MS): Promise<Unsubscribe> {
  const jobBatch = batcher<JobView>(batchMs, (jobs) => stores.jobs.getState().applyJobs(jobs));
  const progressBatch = batcher<DownloadProgress>(batchMs, (updates) => stores.jobs.getState().applyProgress(updates));
  const subscriptions = [
    api.onJobChanged((job) => jobBatch.push(job)),
    api.onDownloadProgress((progress) => progressBatch.push(progress)),
    api.onNotice((notice) => stores.ui.getState().pushNotice(notice)),
    api.onNavigate(({ view, jobId }) => stores.ui.getState().navigate(view, jobId)),
    api.onAppStatus((status) => stores.app.getState().applyStatus(status)),
  ];
  await Promise.all([
    stores.profiles.getState().load(),
    stores.jobs.getState().load(),
    stores.settings.getState().load(),
    stores.app.getState().load(),
  ]);
  const ready = await api.ready();
  if (!ready.ok) stores.ui.getState().pushNotice({ level: 'error', message: ready.error.message, code: ready.error.code });
  return () => {
    subscriptions.forEach((unsubscribe) => unsubscribe());
    jobBatch.stop();
    progressBatch.stop();
  };
}
