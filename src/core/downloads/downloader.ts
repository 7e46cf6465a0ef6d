import { realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sleep, type Clock } from '../clock';
import { DownloadError, diskError, errnoCode, type PartState } from './errors';
import { numberedName, resolveInsideFolder, sanitizeFileName } from './file-names';
import type { HttpGet, HttpGetResponse } from './http-get';
import { judgeResponse } from './http-verdict';
import { MANIFEST_SUFFIX } from './manifest';
import { emptyPart, flushToDisk, loadPart, openPart, partSize, type PartProgress } from './part-file';
import { OversizeError, PartSink, type WritevFn } from './part-sink';
import { placeNoOverwrite } from './place-file';
import { createProgressReporter, type ProgressReport } from './progress';
import { startStallWatchdog } from './stall-watchdog';

export interface DownloadOptions {
  url: string;
  dir: string;
  /** Already rendered from the template; sanitised again here anyway. */
  fileName: string;
  expected: { sizeBytes: number; sha256: string };
  /** From the job registry after a restart or an interruption. */
  resume?: { partPath: string; etag: string | null } | null;
  /** Electron wraps net.fetch with `httpGetFromFetch`; Node hosts pass `createUndiciHttpGet`. */
  httpGet: HttpGet;
  clock: Clock;
  signal?: AbortSignal;
  onProgress?: (p: ProgressReport) => void;
  /** So the caller persists the offset: on start, on each retry and every few MiB. */
  onCheckpoint?: (s: PartState) => void;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** No bytes for this long counts as a dropped connection. */
  stallTimeoutMs?: number;
  /** The write boundary; tests inject a failing one where no small file system can be mounted. */
  writev?: WritevFn;
}

export interface DownloadResult {
  finalPath: string;
  sha256: string;
  sizeBytes: number;
}

const DEFAULT_RETRY = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 30_000 };
const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const CHECKPOINT_EVERY_BYTES = 8 * 1024 * 1024;
/** Attempts that made progress do not use up `maxAttempts`; this caps them all the same. */
const TOTAL_ATTEMPTS_FACTOR = 4;

/**
 * Streams `url` into `<dir>/<name>.part`, resuming what is already there, and moves it to a free
 * final name only once its size and sha256 match `expected`.
 */
export async function downloadVerified(options: DownloadOptions): Promise<DownloadResult> {
  const target = await resolveInsideFolder(options.dir, options.fileName);
  const dir = path.dirname(target);
  const name = path.basename(target);
  const partPath = await choosePartPath(dir, name, options.resume);
  partsInUse.add(partPath);
  try {
    return await new DownloadRun(options, dir, name, partPath).execute();
  } finally {
    partsInUse.delete(partPath);
  }
}

/** Two exports rendered to the same name must not write into one `.part` at the same time. */
const partsInUse = new Set<string>();

/** The registry's `.part` is reused only if it is still a `.part` directly inside the folder and not in use. */
async function choosePartPath(dir: string, name: string, resume: DownloadOptions['resume']): Promise<string> {
  const previous = resume?.partPath ? await previousPart(dir, resume.partPath) : null;
  if (previous && !partsInUse.has(previous)) return previous;
  for (let n = 0; ; n++) {
    const candidate = path.join(dir, `${numberedName(name, n)}.part`);
    if (!partsInUse.has(candidate)) return candidate;
  }
}

async function previousPart(dir: string, partPath: string): Promise<string | null> {
  const base = path.basename(partPath);
  if (!base.endsWith('.part') || sanitizeFileName(base) !== base) return null;
  const parent = await realpath(path.dirname(partPath)).catch(() => null);
  return parent === dir ? path.join(dir, base) : null;
}

type AttemptOutcome = { ok: true } | { ok: false; reason: string; retryAfterMs: number | null };

class DownloadRun {
  private etag: string | null;
  /** Exactly the bytes on disk and their running hash; null when the disk must be read again. */
  private part: PartProgress | null = null;
  private attempts = 0;
  private attemptsWithoutProgress = 0;
  private lastCheckpointBytes = 0;
  private readonly retry: typeof DEFAULT_RETRY;
  private readonly size: number;
  private readonly progress: ReturnType<typeof createProgressReporter>;

  constructor(
    private readonly options: DownloadOptions,
    private readonly dir: string,
    private readonly name: string,
    private readonly partPath: string,
  ) {
    this.etag = options.resume?.etag ?? null;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.size = options.expected.sizeBytes;
    this.progress = createProgressReporter(options.clock, this.size, options.onProgress);
  }

  async execute(): Promise<DownloadResult> {
    for (;;) {
      this.throwIfCancelled();
      const part = await this.currentPart();
      if (part.bytes >= this.size) break;
      const before = part.bytes;
      const outcome = await this.attempt(part);
      if (outcome.ok) continue;
      await this.afterFailure(outcome, (this.part?.bytes ?? 0) > before);
    }
    return this.finish();
  }

  private async currentPart(): Promise<PartProgress> {
    if (this.part) return this.part;
    const loaded = await this.onDisk(() => loadPart(this.partPath, this.size));
    // Without an ETag there is no If-Range, so a resume could splice two versions of the file.
    const unsafeToResume = loaded.bytes > 0 && loaded.bytes < this.size && this.etag === null;
    this.part = unsafeToResume ? await this.onDisk(() => emptyPart(this.partPath)) : loaded;
    return this.part;
  }

  private async attempt(part: PartProgress): Promise<AttemptOutcome> {
    this.attempts++;
    const controller = new AbortController();
    const cancel = () => controller.abort();
    this.options.signal?.addEventListener('abort', cancel, { once: true });
    let sink: PartSink | null = null;
    let stalled = false;
    const watchdog = startStallWatchdog(this.options.clock, this.options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS, () => sink?.bytes ?? -1, () => {
      stalled = true;
      controller.abort();
    });
    const failed = (reason: string, retryAfterMs: number | null = null): AttemptOutcome => {
      this.throwIfCancelled();
      return { ok: false, reason: stalled ? 'no data arrived for too long' : reason, retryAfterMs };
    };
    try {
      let response: HttpGetResponse;
      try {
        response = await this.options.httpGet(this.options.url, { headers: this.requestHeaders(part.bytes), signal: controller.signal });
      } catch (err) {
        return failed(networkReason(err));
      }
      const verdict = await judgeResponse(response, part.bytes, this.options.clock.now());
      if (verdict.kind === 'fatal') throw new DownloadError(verdict.code, verdict.message, await this.state());
      if (verdict.kind === 'retry') return failed(verdict.reason, verdict.retryAfterMs);
      if (verdict.kind === 'restart') {
        this.part = await this.onDisk(() => emptyPart(this.partPath));
        return failed(verdict.reason);
      }
      if (verdict.servedSize !== null && verdict.servedSize !== this.size) {
        response.discard();
        throw await this.integrityFailure(`the server is offering ${verdict.servedSize} bytes but the export has ${this.size}`);
      }
      const start = verdict.restartFromZero ? await this.onDisk(() => emptyPart(this.partPath)) : part;
      this.part = start;
      // A 200 is a new representation: its validator (or none) replaces the one we resumed with.
      this.etag = response.status === 200 ? strongEtag(response) : (strongEtag(response) ?? this.etag);
      this.checkpoint(start.bytes);
      const result = await this.stream(response, start, (s) => (sink = s));
      return result === 'complete' ? this.checkComplete() : failed(result);
    } finally {
      watchdog.stop();
      this.options.signal?.removeEventListener('abort', cancel);
    }
  }

  /** Streams the body into the `.part`; returns 'complete' or why the connection dropped. */
  private async stream(response: HttpGetResponse, start: PartProgress, expose: (sink: PartSink) => void): Promise<string> {
    const body = response.body;
    if (!body) return 'the server sent no body';
    const file = await this.onDisk(() => openPart(this.partPath)).catch((err: unknown) => {
      response.discard();
      throw err;
    });
    const sink = new PartSink({
      fd: file.fd,
      offset: start.bytes,
      hash: start.hash,
      limit: this.size,
      writev: this.options.writev,
      onBytes: (bytes) => this.onBytes(bytes),
    });
    expose(sink);
    let failure: unknown = null;
    try {
      await pipeline(body, sink);
    } catch (err) {
      failure = err;
    }
    await sink.settled();
    await file.close().catch(() => undefined);
    this.part = sink.writeFailed ? null : { hash: start.hash, bytes: sink.bytes };
    if (sink.writeFailed) throw diskError(sink.writeFailed, this.dir, await this.state());
    if (failure instanceof OversizeError) throw await this.integrityFailure(`the server sent more than the export's ${this.size} bytes`);
    return failure === null ? 'complete' : networkReason(failure);
  }

  private checkComplete(): AttemptOutcome {
    if ((this.part?.bytes ?? 0) < this.size) return { ok: false, reason: 'the server closed the connection early', retryAfterMs: null };
    return { ok: true };
  }

  private async afterFailure(outcome: Extract<AttemptOutcome, { ok: false }>, progressed: boolean): Promise<void> {
    this.attemptsWithoutProgress = progressed ? 0 : this.attemptsWithoutProgress + 1;
    const state = await this.state();
    if (this.attemptsWithoutProgress >= this.retry.maxAttempts || this.attempts >= this.retry.maxAttempts * TOTAL_ATTEMPTS_FACTOR) {
      const kept = state.bytes > 0 ? `; the ${state.bytes} bytes already fetched are kept` : '';
      throw new DownloadError('download_failed', `The download failed after ${this.attempts} attempts (${outcome.reason}); check the connection and retry${kept}.`, state);
    }
    this.options.onCheckpoint?.(state);
    const delay = outcome.retryAfterMs ?? this.backoff();
    await sleep(this.options.clock, Math.min(delay, this.retry.maxDelayMs), this.options.signal).catch(() => this.throwIfCancelled());
  }

  /** Exponential, with jitter so many clients dropped together do not come back together. */
  private backoff(): number {
    const step = Math.max(0, this.attemptsWithoutProgress - 1);
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** step);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private async finish(): Promise<DownloadResult> {
    const part = this.part ?? (await this.currentPart());
    const sha256 = part.hash.digest('hex');
    if (part.bytes !== this.size || sha256 !== this.options.expected.sha256.toLowerCase()) {
      throw await this.integrityFailure(`expected ${this.size} bytes with sha256 ${short(this.options.expected.sha256)}, got ${part.bytes} bytes with ${short(sha256)}`);
    }
    // On disk before it gets its final name: a power cut must not leave a "verified" file with holes.
    await this.onDisk(() => flushToDisk(this.partPath));
    const finalPath = await this.onDisk(() => placeNoOverwrite(this.partPath, this.dir, this.name, { companions: [MANIFEST_SUFFIX] }));
    this.progress.flush(part.bytes);
    return { finalPath, sha256, sizeBytes: part.bytes };
  }

  /** The bad data goes aside under `.corrupt` (nothing deleted silently); the next try starts from zero. */
  private async integrityFailure(what: string): Promise<DownloadError> {
    this.part = null;
    let keptAs: string | null = null;
    if ((await this.onDisk(() => partSize(this.partPath))) > 0) {
      keptAs = await this.onDisk(() => placeNoOverwrite(this.partPath, this.dir, `${this.name}.corrupt`));
    } else {
      await rm(this.partPath, { force: true });
    }
    const aside = keptAs ? ` The data was set aside as ${path.basename(keptAs)}.` : '';
    const state = { partPath: this.partPath, bytes: 0, etag: null };
    this.options.onCheckpoint?.(state);
    return new DownloadError('integrity_failed', `The downloaded file does not match the export (${what}).${aside} Download it again.`, state, keptAs);
  }

  private requestHeaders(offset: number): Record<string, string> {
    // Compressed transfer would make byte offsets meaningless for Range.
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    if (offset > 0 && this.etag !== null) {
      headers.range = `bytes=${offset}-`;
      headers['if-range'] = this.etag;
    }
    return headers;
  }

  private onBytes(bytes: number): void {
    this.progress.update(bytes);
    if (bytes - this.lastCheckpointBytes >= CHECKPOINT_EVERY_BYTES) this.checkpoint(bytes);
  }

  private checkpoint(bytes: number): void {
    this.lastCheckpointBytes = bytes;
    this.options.onCheckpoint?.({ partPath: this.partPath, bytes, etag: this.etag });
  }

  /** The size on disk is the truth for a later resume. */
  private async state(): Promise<PartState> {
    const bytes = await partSize(this.partPath).catch(() => this.part?.bytes ?? 0);
    return { partPath: this.partPath, bytes, etag: this.etag };
  }

  private async onDisk<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (err) {
      if (err instanceof DownloadError || errnoCode(err) === undefined) throw err;
      throw diskError(err, this.dir, await this.state());
    }
  }

  private throwIfCancelled(): void {
    if (!this.options.signal?.aborted) return;
    const state = { partPath: this.partPath, bytes: this.part?.bytes ?? 0, etag: this.etag };
    this.progress.flush(state.bytes);
    throw new DownloadError('cancelled', 'The download was cancelled; the partial file is kept for a later resume.', state);
  }
}

/** Never the URL: a signed download URL is a bearer credential. */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: unknown } | null)?.cause;
  const code = errnoCode(cause) ?? errnoCode(err);
  if (code) return `network error ${code}`;
  if (err instanceof Error && err.name === 'AbortError') return 'the connection was aborted';
  return 'the connection dropped';
}

/** If-Range only works with a strong validator. */
function strongEtag(response: HttpGetResponse): string | null {
  const etag = response.headers.get('etag');
  return etag && !etag.startsWith('W/') ? etag : null;
}

function short(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}
