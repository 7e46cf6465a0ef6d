import type { DownloadStateName, JobRecord } from '../../shared/domain';
import type { Clock } from '../clock';
import { UserError } from '../errors';
import type { JobRegistry } from '../jobs';
import type { WaitOptions } from './types';

const DOWNLOAD_UNDER_WAY: ReadonlySet<DownloadStateName> = new Set(['queued', 'downloading', 'verifying']);

export interface WaitDeps {
  registry: JobRegistry;
  clock: Clock;
  /** The engine is still handling this job: a completion being acted on, a download, a re-run being created. */
  busy: (jobId: string) => boolean;
  /** Why polling this job ended for good (a 401, a 404), if it did. */
  failureOf: (jobId: string) => unknown;
  /** Makes sure a PROCESSING job is being polled. */
  follow: (job: JobRecord) => void;
  /** Calls `check` whenever a job or the engine's work on it changes; returns the unsubscribe. */
  subscribe: (check: () => void) => () => void;
}

export function isSettled(job: JobRecord): boolean {
  if (job.server.status === 'FAILED') return true;
  return job.server.status === 'COMPLETE' && !DOWNLOAD_UNDER_WAY.has(job.download.state);
}

/** Resolves with the job once it settled, following a link-expiry re-run to the job that replaced it. */
export function waitForJob(deps: WaitDeps, jobId: string, opts: WaitOptions = {}): Promise<JobRecord> {
  let current = deps.registry.require(jobId);
  return new Promise<JobRecord>((resolve, reject) => {
    let timer: unknown = null;
    const cleanups: (() => void)[] = [];
    const finish = (settle: () => void) => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      if (timer !== null) deps.clock.clearTimeout(timer);
      settle();
    };
    const check = () => {
      let job = deps.registry.get(current.id) ?? current;
      while (job.download.state === 'rerun' && job.rerunBy && !deps.busy(job.id)) {
        const next = deps.registry.get(job.rerunBy);
        if (!next) break;
        job = next;
        deps.follow(job);
      }
      current = job;
      if (isSettled(job) && !deps.busy(job.id)) return finish(() => resolve(job));
      const failure = deps.failureOf(job.id);
      if (failure !== undefined) finish(() => reject(failure));
    };

    if (opts.signal) {
      const signal = opts.signal;
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => finish(() => reject(signal.reason));
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
    if (opts.timeoutMs !== undefined) {
      const seconds = Math.round(opts.timeoutMs / 1000);
      timer = deps.clock.setTimeout(() => {
        timer = null;
        finish(() =>
          reject(
            new UserError(
              'wait_timeout',
              `Export ${current.id} did not finish within ${seconds} s (status ${current.server.status}); wait for it again later, it keeps its place.`,
            ),
          ),
        );
      }, opts.timeoutMs);
    }
    cleanups.push(deps.subscribe(check));
    deps.follow(current);
    check();
  });
}
