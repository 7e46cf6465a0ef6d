/**
 * The export processor: a FIFO queue where at most `maxConcurrentJobs` exports are generated at once.
 * A job takes at least `minDurationMs` of real time so clients can watch progress rise.
 */
import { rm } from 'node:fs/promises';
import { PROCESSOR_BOUNDS, type Processor } from '../shared/wire';
import { CONTENT_TYPES, fileNameFor, populationSize, type DatasetSpec } from './audit-data';
import { rfc3339 } from './clock';
import { writeExportFile, type WrittenFile } from './export-file';
import type { ExportRecord, ExportsStore } from './exports-store';
import type { JobErrorInput, ProcessorSettings } from './types';

export interface ProcessorDeps {
  store: ExportsStore;
  /** Emulator clock: timestamps, URL expiry, retention. */
  now: () => number;
  /** Real monotonic time: job pacing, unaffected by advanceClock. */
  realNow: () => number;
  dataDir: string;
  rowsPerDay: number;
  minDurationMs: number;
  urlTtlSeconds: number;
  signDownload: (id: string, name: string, expiresUnixSeconds: number) => string;
}

const GENERATION_FAILED: JobErrorInput = { code: 'export_failed', message: 'The export could not be generated; create it again.' };
const DAY_MS = 86_400_000;

export function createProcessor(deps: ProcessorDeps, initial: ProcessorSettings = {}) {
  const config = { enabled: true, maxConcurrentJobs: 3, retentionDays: 30 };
  let updatedAt = deps.now();
  applySettings(initial);
  const queue: ExportRecord[] = [];
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  const frozenProgress = new Map<string, number>();
  let doom: { count: number; error: JobErrorInput } = { count: 0, error: GENERATION_FAILED };
  let closed = false;

  function applySettings(p: ProcessorSettings): void {
    for (const field of ['maxConcurrentJobs', 'retentionDays'] as const) {
      const value = p[field];
      const { min, max } = PROCESSOR_BOUNDS[field];
      if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
        throw new RangeError(`${field} must be an integer from ${min} to ${max}`);
      }
    }
    if (p.enabled !== undefined) config.enabled = p.enabled;
    if (p.maxConcurrentJobs !== undefined) config.maxConcurrentJobs = p.maxConcurrentJobs;
    if (p.retentionDays !== undefined) config.retentionDays = p.retentionDays;
  }

  function spec(r: ExportRecord): DatasetSpec {
    return { type: r.type, format: r.format, filters: r.filters, rowsPerDay: deps.rowsPerDay, revision: r.revision };
  }

  function pump(): void {
    while (!closed && running.size < config.maxConcurrentJobs && queue.length > 0) start(queue.shift() as ExportRecord);
  }

  function start(r: ExportRecord): void {
    r.startedAt = deps.realNow();
    r.population = populationSize(spec(r));
    const abort = new AbortController();
    const done = run(r, abort.signal).finally(() => {
      running.delete(r.id);
      pump();
    });
    running.set(r.id, { abort, done });
  }

  async function run(r: ExportRecord, signal: AbortSignal): Promise<void> {
    const startedAt = r.startedAt as number;
    try {
      if (r.doomed) {
        await waitUntil(startedAt + deps.minDurationMs / 2, deps.realNow, signal);
        return markFailed(r, r.doomed);
      }
      const written = await writeExportFile(deps.dataDir, r.id, spec(r), (n) => (r.scanned = n), signal);
      await waitUntil(startedAt + deps.minDurationMs, deps.realNow, signal).catch(async (err: unknown) => {
        await rm(written.path, { force: true });
        throw err;
      });
      complete(r, written);
    } catch (err) {
      if (!signal.aborted) {
        console.error(`emulator: export ${r.id} failed: ${(err as Error).message}`);
        markFailed(r, GENERATION_FAILED);
      }
    }
  }

  function complete(r: ExportRecord, w: WrittenFile): void {
    const completedSec = Math.floor(deps.now() / 1000);
    const name = fileNameFor(r.type, r.format, r.filters);
    r.status = 'COMPLETE';
    r.completedAt = completedSec * 1000;
    r.urlExpires = completedSec + deps.urlTtlSeconds;
    r.downloadUrl = deps.signDownload(r.id, name, r.urlExpires);
    r.expiresAt = r.completedAt + config.retentionDays * DAY_MS;
    r.file = { name, path: w.path, sizeBytes: w.sizeBytes, sha256: w.sha256, contentType: CONTENT_TYPES[r.format], rowCount: w.rowCount };
  }

  function markFailed(r: ExportRecord, error: JobErrorInput): void {
    frozenProgress.set(r.id, progress(r));
    r.status = 'FAILED';
    r.error = { ...error };
  }

  function progress(r: ExportRecord): number {
    if (r.status === 'COMPLETE') return 1;
    if (r.status === 'FAILED') return frozenProgress.get(r.id) ?? 0;
    if (r.startedAt === null) return 0;
    const generated = r.population > 0 ? r.scanned / r.population : 1;
    const elapsed = deps.minDurationMs > 0 ? (deps.realNow() - r.startedAt) / deps.minDurationMs : 1;
    return Math.floor(Math.min(generated, elapsed, 0.99) * 1000) / 1000;
  }

  return {
    submit(r: ExportRecord): void {
      if (doom.count > 0) {
        doom.count--;
        r.doomed = { ...doom.error };
      }
      queue.push(r);
      pump();
    },

    progress,

    /** A waiting or running export becomes FAILED now. */
    fail(id: string, error: JobErrorInput = GENERATION_FAILED): void {
      const r = deps.store.find(id);
      if (!r) throw new Error(`failJob: no export ${id}`);
      if (r.status !== 'PROCESSING') throw new Error(`failJob: export ${id} is ${r.status}, not PROCESSING`);
      markFailed(r, error);
      const waiting = queue.indexOf(r);
      if (waiting >= 0) queue.splice(waiting, 1);
      running.get(id)?.abort.abort();
    },

    failNextJobs(count: number, error: JobErrorInput = GENERATION_FAILED): void {
      if (!Number.isInteger(count) || count < 0) throw new RangeError('failNextJobs needs a non-negative integer count');
      doom = { count, error: { ...error } };
    },

    /** Validated settings (throws RangeError when out of bounds); frees queued jobs if slots opened. */
    update(p: ProcessorSettings): void {
      applySettings(p);
      updatedAt = deps.now();
      pump();
    },

    view(): Processor {
      return {
        enabled: config.enabled,
        config: { maxConcurrentJobs: config.maxConcurrentJobs, retentionDays: config.retentionDays },
        updatedAt: rfc3339(updatedAt),
      };
    },

    get enabled(): boolean {
      return config.enabled;
    },

    /** Progressing right now (for tests of the concurrency rule). */
    runningCount: (): number => running.size,

    async close(): Promise<void> {
      closed = true;
      queue.length = 0;
      for (const job of running.values()) job.abort.abort();
      await Promise.allSettled([...running.values()].map((j) => j.done));
    },
  };
}
export type ExportProcessor = ReturnType<typeof createProcessor>;

function waitUntil(target: number, now: () => number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, target - now()));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
