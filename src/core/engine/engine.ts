import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CreateExportInput, JobRecord } from '../../shared/domain';
import type { Export, Processor, UpdateProcessorRequest } from '../../shared/wire';
import { systemClock, type Clock } from '../clock';
import { createDownloadQueue, httpGetFromFetch, type DownloadQueue } from '../downloads';
import { UserError } from '../errors';
import type { JobRegistry } from '../jobs';
import { isPlatformXEError } from '../platformxe';
import { PollScheduler, type PollOutcome, type PollTarget } from '../polling';
import { createClientPool, type ClientPool } from './clients';
import { checkCreateInput } from './create-input';
import type { DownloadEnd } from './download-failure';
import { describe, runDownload, type DownloadJobDeps } from './download-job';
import { SafeEmitter } from './events';
import { outcomeOf, outcomeOfError } from './poll-outcome';
import { checkProcessorPatch } from './processor-patch';
import { inheritPart } from './rerun-part';
import type { EngineDeps, EngineEvents, EngineNotice, ExportEngine, WaitOptions } from './types';
import { waitForJob } from './wait-for';

const DEFAULT_DOWNLOAD_CONCURRENCY = 2;
/** Network drops that going back online should retry at once. */
const NETWORK_FAILURES = new Set(['download_failed']);

export function createExportEngine(deps: EngineDeps): ExportEngine {
  return new Engine(deps);
}

/**
 * Composes the pieces: one poll scheduler for every job, one client pair per profile, a bounded
 * download queue, the registry as the record of everything. Hosts talk to it through ExportEngine.
 */
class Engine implements ExportEngine {
  readonly #deps: EngineDeps;
  readonly #registry: JobRegistry;
  readonly #clock: Clock;
  readonly #events = new SafeEmitter<EngineEvents>((error) => console.error('An engine event listener failed:', error));
  readonly #scheduler: PollScheduler;
  readonly #queue: DownloadQueue;
  readonly #clients: ClientPool;
  readonly #downloadDeps: DownloadJobDeps;
  /** Downloads queued or running, by job. */
  readonly #downloads = new Map<string, Promise<DownloadEnd>>();
  /** Completions being acted on (between "COMPLETE seen" and "download queued or not wanted"). */
  readonly #completing = new Set<string>();
  /** Folders asked for explicitly (a download call, or the re-run of a job that was downloading). */
  readonly #wantedDirs = new Map<string, string>();
  /** Why polling a job ended for good, for its waiters. */
  readonly #pollFailures = new Map<string, unknown>();
  readonly #checks = new Set<() => void>();
  readonly #unsubscribeRegistry: () => void;
  #paused = false;
  #stopped = false;

  constructor(deps: EngineDeps) {
    this.#deps = deps;
    this.#registry = deps.registry;
    this.#clock = deps.clock ?? systemClock;
    const random = deps.random ?? Math.random;
    this.#clients = createClientPool({ profiles: deps.profiles, fetch: deps.fetch, clock: this.#clock, random, createClient: deps.createClient });
    this.#scheduler = new PollScheduler({
      clock: this.#clock,
      random,
      ...deps.poll,
      poll: (target, signal) => this.#poll(target, signal),
    });
    this.#queue = createDownloadQueue({ concurrency: deps.downloadConcurrency ?? DEFAULT_DOWNLOAD_CONCURRENCY });
    this.#downloadDeps = {
      registry: deps.registry,
      profiles: deps.profiles,
      httpGet: deps.httpGet ?? httpGetFromFetch(deps.fetch),
      clock: this.#clock,
      settings: deps.settings,
      app: deps.app,
      tuning: deps.download ?? {},
      progress: (p) => this.#events.emit('download-progress', p),
      notify: (n) => this.#notify(n),
    };
    this.#unsubscribeRegistry = deps.registry.on('changed', (job) => {
      this.#events.emit('job-changed', job);
      this.#recheck();
    });
  }

  get paused(): boolean {
    return this.#paused;
  }

  on<E extends keyof EngineEvents>(event: E, listener: (...args: EngineEvents[E]) => void): () => void {
    return this.#events.on(event, listener);
  }

  async start(): Promise<void> {
    this.#assertRunning();
    const known = (job: JobRecord) => this.#deps.profiles.get(job.profileId) !== undefined;
    for (const job of this.#registry.pendingPolls().filter(known)) this.#scheduler.add({ jobId: job.id, profileId: job.profileId });
    for (const job of this.#registry.resumableDownloads().filter(known)) void this.#download(job.id, this.#dirFor(job));
    if (this.#deps.settings().rerunExpiredLinks) {
      const orphaned = this.#registry.list({ status: 'COMPLETE', downloadState: 'link_expired' }).filter((job) => known(job) && !job.rerunBy);
      for (const job of orphaned) void this.#rerunExpired(job.id, this.#dirFor(job));
    }
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await this.#scheduler.stop();
    this.#queue.cancelAll();
    await Promise.allSettled([...this.#downloads.values()]);
    this.#unsubscribeRegistry();
    this.#registry.flush();
    this.#recheck();
  }

  async createExport(input: CreateExportInput, opts: { idempotencyKey?: string } = {}): Promise<{ job: JobRecord; duplicateOf: JobRecord | null }> {
    const request = checkCreateInput(input);
    this.#assertRunning();
    const { type, format, filters } = request;
    const duplicate = this.#registry.findDuplicate(request.profileId, type, format, filters) ?? null;
    const created = await this.#clients.for(request.profileId).calls.exports.create({ type, format, filters }, { idempotencyKey: opts.idempotencyKey });
    const known = this.#registry.get(created.id) !== undefined;
    const job = this.#registry.recordCreated({ profileId: request.profileId, label: request.label, server: created, requestId: created.lastResponse.requestId });
    if (!known) this.#adopt(job);
    return { job: this.#registry.require(job.id), duplicateOf: duplicate?.id === job.id ? null : duplicate };
  }

  async refresh(jobId: string): Promise<JobRecord> {
    const job = this.#registry.require(jobId);
    const server = await this.#clients.for(job.profileId).calls.exports.get(jobId);
    this.#applyServer(jobId, server, server.lastResponse.requestId);
    return this.#registry.require(jobId);
  }

  waitFor(jobId: string, opts: WaitOptions = {}): Promise<JobRecord> {
    return waitForJob(
      {
        registry: this.#registry,
        clock: this.#clock,
        busy: (id) => this.#completing.has(id) || this.#downloads.has(id),
        failureOf: (id) => (this.#stopped ? stoppedError(id) : this.#pollFailures.get(id)),
        follow: (job) => this.#follow(job),
        subscribe: (check) => {
          this.#checks.add(check);
          return () => this.#checks.delete(check);
        },
      },
      jobId,
      opts,
    );
  }

  async download(jobId: string, opts: { dir?: string } = {}): Promise<JobRecord> {
    this.#assertRunning();
    const job = this.#registry.require(jobId);
    assertDownloadable(job);
    const running = this.#downloads.get(jobId);
    if (running) {
      await running;
      return this.#registry.require(jobId);
    }
    const dir = opts.dir ? path.resolve(opts.dir) : this.#dirFor(job);
    const { finalPath } = job.download;
    if (job.download.state === 'done' && finalPath && existsSync(finalPath) && path.dirname(finalPath) === dir) return job;
    if (opts.dir) this.#wantedDirs.set(jobId, dir);
    if (job.download.state === 'done' || job.download.state === 'integrity_failed') {
      this.#registry.updateDownload(jobId, { state: 'idle', bytes: 0, partPath: null, etag: null, finalPath: null, manifestPath: null, sha256: null, downloadedAt: null, error: null });
    }
    await this.#download(jobId, dir);
    return this.#registry.require(jobId);
  }

  async rerun(jobId: string): Promise<JobRecord> {
    this.#assertRunning();
    const old = this.#registry.require(jobId);
    if (old.server.status === 'PROCESSING') {
      throw new UserError('job_still_processing', `Export ${jobId} is still processing; wait for it to finish before re-running it.`);
    }
    const existing = old.rerunBy ? this.#registry.get(old.rerunBy) : undefined;
    if (existing) return existing;
    return this.#createRerun(old, null);
  }

  async getProcessor(profileId: string): Promise<Processor> {
    return this.#clients.for(profileId).calls.exports.getProcessor();
  }

  async updateProcessor(profileId: string, patch: UpdateProcessorRequest): Promise<Processor> {
    const checked = checkProcessorPatch(patch);
    return this.#clients.for(profileId).calls.exports.updateProcessor(checked);
  }

  pause(): void {
    this.#paused = true;
    this.#scheduler.pause();
  }

  resume(): void {
    this.#paused = false;
    this.#scheduler.resume();
  }

  setOnline(online: boolean): void {
    this.#scheduler.setOnline(online);
    if (!online || this.#stopped) return;
    const dropped = this.#registry.list({ status: 'COMPLETE', downloadState: 'interrupted' });
    for (const job of dropped) {
      if (job.download.error && NETWORK_FAILURES.has(job.download.error.code)) void this.#download(job.id, this.#dirFor(job));
    }
  }

  async #poll(target: PollTarget, signal: AbortSignal): Promise<PollOutcome> {
    const job = this.#registry.get(target.jobId);
    if (!job || job.server.status !== 'PROCESSING' || !this.#deps.profiles.get(target.profileId)) return { kind: 'done' };
    try {
      const server = await this.#clients.for(target.profileId).polls.exports.get(target.jobId, { signal });
      this.#applyServer(target.jobId, server, server.lastResponse.requestId);
      return outcomeOf(server);
    } catch (error) {
      const outcome = outcomeOfError(error);
      const final = outcome.kind === 'done' || (outcome.kind === 'error' && !outcome.retryable);
      if (final && !signal.aborted) this.#pollEnded(job, error);
      return outcome;
    }
  }

  /**
   * A 404 or 410 is the server's last word on a job: it is recorded as FAILED so it is not polled
   * again on every start. Anything else (a revoked key) leaves it PROCESSING for a later retry.
   */
  #pollEnded(job: JobRecord, error: unknown): void {
    if (isPlatformXEError(error) && (error.status === 404 || error.status === 410)) {
      const gone: Export = { ...job.server, status: 'FAILED', error: { code: error.code, message: error.message } };
      this.#applyServer(job.id, gone, error.requestId);
      return;
    }
    this.#pollFailures.set(job.id, error);
    const why = error instanceof Error ? error.message : String(error);
    this.#notify({ level: 'error', kind: 'other', jobId: job.id, message: `${describe(job)} is no longer followed: ${why}` });
    this.#recheck();
  }

  #applyServer(jobId: string, server: Export, requestId: string | null): void {
    const before = this.#registry.require(jobId).server.status;
    const completes = before !== 'COMPLETE' && server.status === 'COMPLETE';
    if (completes) this.#completing.add(jobId);
    const job = this.#registry.applyServerUpdate(jobId, server, requestId);
    if (completes) void this.#completed(job);
    if (before !== 'FAILED' && server.status === 'FAILED') {
      const reason = server.error ? `${server.error.message} (${server.error.code})` : 'no reason given';
      this.#notify({ level: 'error', kind: 'job-failed', jobId, message: `${describe(job)} failed on the server: ${reason}. Re-run it to try again.` });
    }
  }

  /** Makes sure a PROCESSING job is polled (again, after polling it ended for good). */
  #follow(job: JobRecord): void {
    if (this.#stopped || job.server.status !== 'PROCESSING' || this.#scheduler.has(job.id)) return;
    this.#pollFailures.delete(job.id);
    this.#scheduler.add({ jobId: job.id, profileId: job.profileId });
  }

  /** A job just recorded: polled, or acted on at once when the create was a replay of a finished export. */
  #adopt(job: JobRecord): void {
    if (job.server.status !== 'COMPLETE') return this.#follow(job);
    if (this.#stopped || this.#completing.has(job.id)) return;
    this.#completing.add(job.id);
    void this.#completed(job);
  }

  async #completed(job: JobRecord): Promise<void> {
    try {
      await inheritPart(this.#registry, job);
      const current = this.#registry.require(job.id);
      const wanted = this.#wantedDirs.get(job.id);
      if (this.#stopped || (wanted === undefined && !this.#deps.settings().autoDownload)) return;
      const download = this.#download(job.id, current.download.partPath ? path.dirname(current.download.partPath) : (wanted ?? this.#dirFor(current)));
      this.#completing.delete(job.id);
      await download;
    } catch (error) {
      this.#notify({ level: 'error', kind: 'other', jobId: job.id, message: `${describe(job)} completed but could not be downloaded: ${messageOf(error)}` });
    } finally {
      this.#completing.delete(job.id);
      this.#recheck();
    }
  }

  /** Queues the download of a COMPLETE job (or joins the one queued) and deals with an expired link. */
  #download(jobId: string, dir: string): Promise<DownloadEnd> {
    const existing = this.#downloads.get(jobId);
    if (existing) return existing;
    if (this.#stopped) return Promise.resolve('cancelled');
    this.#registry.updateDownload(jobId, { state: 'queued', error: null });
    const run = this.#queue
      .run(jobId, (signal) => runDownload(this.#downloadDeps, jobId, dir, signal))
      .catch((error: unknown): DownloadEnd => {
        // Cancelled before it started: it stays `queued`, so the next start picks it up.
        if ((error as { code?: unknown }).code === 'cancelled') return 'cancelled';
        throw error;
      })
      .then(async (end) => {
        if (end === 'link_expired') await this.#rerunExpired(jobId, dir);
        return end;
      })
      .finally(() => {
        this.#downloads.delete(jobId);
        this.#recheck();
      });
    this.#downloads.set(jobId, run);
    return run;
  }

  async #rerunExpired(jobId: string, dir: string): Promise<void> {
    if (this.#stopped) return;
    const job = this.#registry.require(jobId);
    if (!this.#deps.settings().rerunExpiredLinks) {
      this.#notify({ level: 'warning', kind: 'other', jobId, message: `${describe(job)}: the download link expired before the file was fetched; re-run the export to get the data.` });
      return;
    }
    try {
      const rerun = await this.#createRerun(job, dir);
      this.#notify({
        level: 'info',
        kind: 'link-expired-rerun',
        jobId,
        message: `${describe(job)}: the download link expired, so the export was re-run as ${rerun.id}; it downloads when ready.`,
      });
    } catch (error) {
      this.#notify({ level: 'warning', kind: 'other', jobId, message: `${describe(job)}: the download link expired and re-running the export failed: ${messageOf(error)}` });
    }
  }

  /** A deterministic Idempotency-Key: asking twice (a retry, a crash in between) yields one re-run. */
  async #createRerun(old: JobRecord, dir: string | null): Promise<JobRecord> {
    const { type, format, filters } = old.server;
    const created = await this.#clients.for(old.profileId).calls.exports.create({ type, format, filters }, { idempotencyKey: `rerun-${old.id}` });
    const known = this.#registry.get(created.id) !== undefined;
    const job = this.#registry.recordCreated({ profileId: old.profileId, label: old.label, server: created, requestId: created.lastResponse.requestId });
    if (dir !== null) this.#wantedDirs.set(job.id, dir);
    this.#registry.linkRerun(old.id, job.id);
    if (!known) this.#adopt(this.#registry.require(job.id));
    return this.#registry.require(job.id);
  }

  /** A `.part` decides the folder (it must be resumed where it is), then an explicit choice, then the profile. */
  #dirFor(job: JobRecord): string {
    if (job.download.partPath) return path.dirname(job.download.partPath);
    return this.#wantedDirs.get(job.id) ?? this.#deps.profiles.require(job.profileId).downloadDir;
  }

  #notify(notice: EngineNotice): void {
    this.#events.emit('notice', notice);
  }

  #recheck(): void {
    for (const check of [...this.#checks]) check();
  }

  #assertRunning(): void {
    if (this.#stopped) throw new UserError('engine_stopped', 'The export engine has stopped; start the app or command again.');
  }
}

function assertDownloadable(job: JobRecord): void {
  if (job.server.status === 'PROCESSING') {
    throw new UserError('job_not_complete', `Export ${job.id} is still processing; wait for it to complete, then download it.`);
  }
  if (job.server.status === 'FAILED') {
    const why = job.server.error ? `: ${job.server.error.message}` : '';
    throw new UserError('job_failed', `Export ${job.id} failed on the server${why}; re-run it to get the data.`);
  }
  if (job.download.state === 'rerun' && job.rerunBy) {
    throw new UserError('job_rerun', `Export ${job.id} was re-run as ${job.rerunBy} after its link expired; download ${job.rerunBy} instead.`);
  }
}

function stoppedError(jobId: string): UserError {
  return new UserError('engine_stopped', `The export engine stopped before export ${jobId} finished; it carries on when the engine starts again.`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
