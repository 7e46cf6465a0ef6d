import { stat } from 'node:fs/promises';
import type { JobRecord, JobView } from '../../shared/domain';
import type { CreateExportResult, IpcHandlers } from '../../shared/ipc';
import { UserError } from '../../core/errors';
import type { IpcHandlerDeps } from './deps';
import { toJobView } from './job-view';
import { oncePerRequest } from './once-per-request';

type JobChannels = 'listJobs' | 'createExport' | 'retryDownload' | 'rerunExport' | 'openFile' | 'showInFolder';

const NOT_YET = Symbol('not settled yet');

export function createJobHandlers(deps: IpcHandlerDeps): Pick<IpcHandlers, JobChannels> {
  const { engine, registry, profiles } = deps;
  const creates = oncePerRequest<Omit<CreateExportResult, 'replayed'>>();
  const reruns = oncePerRequest<string>();

  /** The freshest copy: a replayed answer may be older than what the poller has seen since. */
  const view = (jobId: string): JobView => toJobView(registry.require(jobId));

  /** Only a path this app wrote and verified, looked up by job id; never a path from the page. */
  const downloadedFile = async (jobId: string): Promise<string> => {
    const job = registry.require(jobId);
    const file = job.download.state === 'done' ? job.download.finalPath : null;
    if (!file) throw new UserError('not_downloaded', `Export ${jobId} has not been downloaded yet; download it first.`);
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) {
      throw new UserError('file_missing', `The file ${file} is no longer there; retry the download to fetch it again.`);
    }
    return file;
  };

  return {
    listJobs() {
      const known = new Set(profiles.list().map((p) => p.id));
      return registry.list().flatMap((job: JobRecord) => (known.has(job.profileId) ? [toJobView(job)] : []));
    },

    async createExport({ requestId, input }) {
      const { value, replayed } = await creates.run(requestId, async () => {
        const { job, duplicateOf } = await engine.createExport(input, { idempotencyKey: requestId });
        deps.status.schedule();
        return { job: toJobView(job), duplicateOf: duplicateOf?.id ?? null };
      });
      return { ...value, job: view(value.job.id), replayed };
    },

    async retryDownload({ jobId }) {
      const download = engine.download(jobId);
      // The engine refuses at once (not complete, failed, superseded) or queues the download before
      // its first await; the answer is the queued job, and the download goes on in the background.
      const early = await Promise.race([download, Promise.resolve(NOT_YET)]);
      if (early === NOT_YET) {
        download.catch((error: unknown) => console.error(`The download of ${jobId} failed:`, error));
      }
      return view(jobId);
    },

    async rerunExport({ jobId, requestId }) {
      const { value } = await reruns.run(requestId, async () => (await engine.rerun(jobId)).id);
      deps.status.schedule();
      return view(value);
    },

    async openFile({ jobId }) {
      await deps.desktop.openPath(await downloadedFile(jobId));
      return null;
    },

    async showInFolder({ jobId }) {
      deps.desktop.showInFolder(await downloadedFile(jobId));
      return null;
    },
  };
}
