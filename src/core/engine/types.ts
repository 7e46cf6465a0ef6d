import type { CreateExportInput, DownloadProgress, JobRecord, Profile, Settings } from '../../shared/domain';
import type { Processor, UpdateProcessorRequest } from '../../shared/wire';
import type { Clock } from '../clock';
import type { HttpGet } from '../downloads';
import type { JobRegistry } from '../jobs';
import type { PlatformXEClient, RetryPolicy } from '../platformxe';
import type { PollSchedulerOptions } from '../polling';
import type { ProfileService } from '../profiles';

/** What a client factory may be asked to change from its defaults. */
export interface ClientTuning {
  /** The poller's client gets `{ maxAttempts: 1 }`: the scheduler owns backoff and the 429 pause. */
  retry?: Partial<RetryPolicy>;
}

export interface DownloadTuning {
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** No bytes for this long counts as a dropped connection. */
  stallTimeoutMs?: number;
}

export interface EngineDeps {
  profiles: ProfileService;
  registry: JobRegistry;
  /** API calls and downloads: Electron passes net.fetch, the CLI undici's fetch with proxy support. */
  fetch: typeof globalThis.fetch;
  /** Downloads only; default: built from `fetch`. The CLI passes undici's, which costs less CPU per byte. */
  httpGet?: HttpGet;
  clock?: Clock;
  random?: () => number;
  /** Read each time it matters, so a changed setting applies to the next job. */
  settings: () => Settings;
  /** Written into every custody manifest. */
  app: { name: string; version: string };
  createClient?: (profile: Profile, apiKey: () => Promise<string>, tuning: ClientTuning) => PlatformXEClient;
  poll?: Partial<Omit<PollSchedulerOptions, 'poll'>>;
  /** Downloads running at once; default 2. */
  downloadConcurrency?: number;
  download?: DownloadTuning;
}

export type NoticeLevel = 'info' | 'warning' | 'error';
export type NoticeKind = 'download-verified' | 'job-failed' | 'link-expired-rerun' | 'integrity-failed' | 'download-interrupted' | 'other';

export interface EngineNotice {
  level: NoticeLevel;
  kind: NoticeKind;
  /** One line for a person; never holds the key or a signed URL. */
  message: string;
  jobId?: string;
}

export interface EngineEvents {
  'job-changed': [job: JobRecord];
  'download-progress': [progress: DownloadProgress];
  notice: [notice: EngineNotice];
}

export interface WaitOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ExportEngine {
  /** Resumes polling PROCESSING jobs and the downloads a stop or crash interrupted. */
  start(): Promise<void>;
  /** Stops pollers and downloads (a transfer under way keeps its `.part` for a resume) and flushes the registry. */
  stop(): Promise<void>;
  createExport(input: CreateExportInput, opts?: { idempotencyKey?: string }): Promise<{ job: JobRecord; duplicateOf: JobRecord | null }>;
  /** One GET; the registry is updated and a completion handled as if a poll had seen it. */
  refresh(jobId: string): Promise<JobRecord>;
  /**
   * Until the job FAILED, or is COMPLETE and the download it started (if any) ended. A job re-run
   * because its link expired is followed to its re-run, whose record is returned.
   */
  waitFor(jobId: string, opts?: WaitOptions): Promise<JobRecord>;
  /** Downloads now (or resumes) into `dir` or the profile's folder; resolves when it ended. */
  download(jobId: string, opts?: { dir?: string }): Promise<JobRecord>;
  /** A new export with the same type, format, filters and label, linked to the old one. */
  rerun(jobId: string): Promise<JobRecord>;
  getProcessor(profileId: string): Promise<Processor>;
  /** The contract's bounds are checked before anything is sent. */
  updateProcessor(profileId: string, patch: UpdateProcessorRequest): Promise<Processor>;
  /** Pauses polling (downloads under way continue). */
  pause(): void;
  resume(): void;
  /** Offline holds polling; coming back online also retries downloads that lost the network. */
  setOnline(online: boolean): void;
  readonly paused: boolean;
  on<E extends keyof EngineEvents>(event: E, listener: (...args: EngineEvents[E]) => void): () => void;
}
