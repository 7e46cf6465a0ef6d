import { EventEmitter } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import type { DownloadState, DownloadStateName, JobRecord } from '../../shared/domain';
import type { Export, ExportFilters, ExportFormat, ExportStatus, ExportType } from '../../shared/wire';
import { systemClock, type Clock } from '../clock';
import { UserError } from '../errors';
import { sameFilters } from './filters';
import type { JobStore } from './job-store';
import { emptyDownloadState } from '../../shared/domain';

export const DEFAULT_PROGRESS_FLUSH_MS = 2_000;

export interface JobRegistryOptions {
  store: JobStore;
  clock?: Clock;
  /** How long progress-only changes may wait before they are written. */
  progressFlushMs?: number;
}

export interface NewJob {
  profileId: string;
  label?: string | null;
  server: Export;
  /** X-Request-Id of the create call. */
  requestId: string | null;
}

export interface JobFilter {
  profileId?: string;
  status?: ExportStatus | readonly ExportStatus[];
  downloadState?: DownloadStateName | readonly DownloadStateName[];
}

interface JobRegistryEvents {
  /** A record changed; for urgent changes it is already on disk. Records are frozen. */
  changed: [job: JobRecord];
  /** Saving failed; the change is kept in memory and saving is tried again. */
  persistError: [error: UserError];
}

const RESUMABLE_STATES: ReadonlySet<DownloadStateName> = new Set(['queued', 'downloading', 'verifying', 'interrupted']);
const NOT_A_DUPLICATE_STATES: ReadonlySet<DownloadStateName> = new Set(['rerun', 'link_expired']);

/**
 * The durable local record of every export created here. Reads come from memory. Changes that
 * matter after a crash (a new job, a status change, a new download state or part file) are saved
 * before the method returns; progress-only changes are batched, so a thousand busy jobs cost one
 * write per `progressFlushMs`. Call `close()` on shutdown.
 */
export class JobRegistry {
  readonly #store: JobStore;
  readonly #clock: Clock;
  readonly #progressFlushMs: number;
  readonly #jobs = new Map<string, JobRecord>();
  readonly #events = new EventEmitter<JobRegistryEvents>();
  #dirty = false;
  #timer: unknown = null;

  constructor(options: JobRegistryOptions) {
    this.#store = options.store;
    this.#clock = options.clock ?? systemClock;
    this.#progressFlushMs = options.progressFlushMs ?? DEFAULT_PROGRESS_FLUSH_MS;
    for (const job of this.#store.load()) this.#jobs.set(job.id, deepFreeze(job));
  }

  on<E extends keyof JobRegistryEvents>(event: E, listener: (...args: JobRegistryEvents[E]) => void): () => void {
    this.#events.on(event, listener as never);
    return () => this.#events.off(event, listener as never);
  }

  get(id: string): JobRecord | undefined {
    return this.#jobs.get(id);
  }

  require(id: string): JobRecord {
    const job = this.#jobs.get(id);
    if (!job) throw new UserError('job_not_found', `No export with id "${id}" is recorded on this computer; list the jobs to see the ids.`);
    return job;
  }

  /** Newest first. */
  list(filter: JobFilter = {}): JobRecord[] {
    const wanted = <T>(value: T, rule: T | readonly T[] | undefined) =>
      rule === undefined || (Array.isArray(rule) ? rule.includes(value) : rule === value);
    return [...this.#jobs.values()]
      .filter(
        (job) =>
          wanted(job.profileId, filter.profileId) &&
          wanted(job.server.status, filter.status) &&
          wanted(job.download.state, filter.downloadState),
      )
      .sort(newestFirst);
  }

  /** Jobs to poll again after a restart. */
  pendingPolls(): JobRecord[] {
    return this.list({ status: 'PROCESSING' });
  }

  /**
   * Complete jobs whose download was under way when the app stopped. `partPath` is null when the
   * transfer had not written anything yet; it then starts from the beginning.
   */
  resumableDownloads(): JobRecord[] {
    return this.list({ status: 'COMPLETE' }).filter((job) => RESUMABLE_STATES.has(job.download.state));
  }

  /** The newest export of the same rows that is still usable, to warn before creating it again. */
  findDuplicate(profileId: string, type: ExportType, format: ExportFormat, filters: ExportFilters): JobRecord | undefined {
    const now = this.#clock.now();
    return this.list({ profileId }).find(
      (job) =>
        job.server.type === type &&
        job.server.format === format &&
        job.server.status !== 'FAILED' &&
        !NOT_A_DUPLICATE_STATES.has(job.download.state) &&
        !(job.server.expiresAt && Date.parse(job.server.expiresAt) <= now) &&
        sameFilters(job.server.filters, filters),
    );
  }

  recordCreated(created: NewJob): JobRecord {
    const { server } = created;
    if (this.#jobs.has(server.id)) return this.applyServerUpdate(server.id, server, created.requestId);
    const job: JobRecord = {
      id: server.id,
      profileId: created.profileId,
      label: created.label?.trim() || null,
      server: structuredClone(server),
      requestIds: {
        create: created.requestId,
        // An idempotent replay of the create can already be complete.
        completingGet: server.status === 'COMPLETE' ? created.requestId : null,
      },
      download: emptyDownloadState(),
      rerunOf: null,
      rerunBy: null,
      updatedAt: this.#timestamp(),
    };
    this.#commit([job], true);
    return this.require(job.id);
  }

  /** Records the latest server view; `requestId` is kept as the completing request when it turns COMPLETE. */
  applyServerUpdate(id: string, server: Export, requestId: string | null): JobRecord {
    const current = this.require(id);
    if (server.id !== id) throw new Error(`applyServerUpdate: export ${server.id} given for job ${id}`);
    if (isDeepStrictEqual(current.server, server)) return current;
    const completes = current.server.status !== 'COMPLETE' && server.status === 'COMPLETE';
    const job: JobRecord = {
      ...current,
      server: structuredClone(server),
      requestIds: completes ? { ...current.requestIds, completingGet: requestId } : current.requestIds,
      updatedAt: this.#timestamp(),
    };
    this.#commit([job], !isDeepStrictEqual({ ...current.server, progress: 0 }, { ...server, progress: 0 }));
    return this.require(id);
  }

  updateDownload(id: string, patch: Partial<DownloadState>): JobRecord {
    const current = this.require(id);
    const download: DownloadState = { ...current.download, ...structuredClone(patch) };
    if (isDeepStrictEqual(current.download, download)) return current;
    this.#commit([{ ...current, download, updatedAt: this.#timestamp() }], !onlyProgressDiffers(current.download, download));
    return this.require(id);
  }

  /** The old job is superseded: its download state becomes `rerun`, so it is not resumed twice. */
  linkRerun(oldId: string, newId: string): void {
    const old = this.require(oldId);
    const rerun = this.require(newId);
    const updatedAt = this.#timestamp();
    this.#commit(
      [
        { ...old, rerunBy: newId, download: { ...old.download, state: 'rerun' }, updatedAt },
        { ...rerun, rerunOf: oldId, updatedAt },
      ],
      true,
    );
  }

  /** Writes pending changes now; throws if that fails. */
  flush(): void {
    this.#cancelTimer();
    if (!this.#dirty) return;
    this.#store.save([...this.#jobs.values()]);
    this.#dirty = false;
  }

  close(): void {
    this.flush();
  }

  #commit(jobs: JobRecord[], urgent: boolean): void {
    for (const job of jobs) this.#jobs.set(job.id, deepFreeze(job));
    this.#dirty = true;
    if (urgent) this.#tryFlush();
    else this.#schedule();
    for (const job of jobs) this.#events.emit('changed', this.#jobs.get(job.id) as JobRecord);
  }

  #tryFlush(): void {
    try {
      this.flush();
    } catch (error) {
      this.#schedule();
      const userError = error instanceof UserError ? error : new UserError('job_store_write_failed', 'The job list could not be saved.', { cause: error });
      if (this.#events.listenerCount('persistError') > 0) this.#events.emit('persistError', userError);
      else console.error(userError.message);
    }
  }

  #schedule(): void {
    // Throttle, not debounce: steady progress must still be saved every interval.
    if (this.#timer !== null) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      this.#tryFlush();
    }, this.#progressFlushMs);
  }

  #cancelTimer(): void {
    if (this.#timer === null) return;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #timestamp(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}

function newestFirst(a: JobRecord, b: JobRecord): number {
  return Date.parse(b.server.createdAt) - Date.parse(a.server.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Byte counts can be recovered from the part file after a crash; everything else must be saved at once. */
function onlyProgressDiffers(a: DownloadState, b: DownloadState): boolean {
  return isDeepStrictEqual({ ...a, bytes: 0, total: 0 }, { ...b, bytes: 0, total: 0 });
}

/** Records handed out are frozen, so a caller cannot change one without going through the registry. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
