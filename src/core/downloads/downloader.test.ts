import { execFileSync } from 'node:child_process';
import { chmod, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { writev as fsWritev } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { systemClock } from '../clock';
import { downloadVerified, type DownloadOptions } from './downloader';
import type { HttpGet } from './http-get';
import { DownloadError } from './errors';
import type { WritevFn } from './part-sink';
import { asCompleted, createCompletedExport, getExport, rangeStart, sha256Of, tempFolder, TRANSPORTS, type CompletedExport } from './test-support';

let emulator: RunningEmulator;
/** The transport of the block that is running: every case runs over each host's. */
let httpGet: HttpGet;
const folders: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, jobMinDurationMs: 20, rateLimit: 0 });
});
afterAll(async () => {
  await emulator.close();
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

async function folder(): Promise<string> {
  const dir = await tempFolder('pxe-dl-');
  folders.push(dir);
  return dir;
}

function options(exp: CompletedExport, dir: string, extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return {
    url: exp.downloadUrl,
    dir,
    fileName: exp.file.name,
    expected: { sizeBytes: exp.file.sizeBytes, sha256: exp.file.sha256 },
    httpGet,
    clock: systemClock,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    ...extra,
  };
}

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DownloadError);
  return err as DownloadError;
}

function downloadRequests() {
  return emulator.admin.requests().filter((r) => r.path.startsWith('/files/'));
}

async function sizeOf(file: string): Promise<number | null> {
  return stat(file).then(
    (s) => s.size,
    () => null,
  );
}

/** A first run that stops at `bytes`: the server holds back the rest and the user cancels. */
async function interruptAt(exp: CompletedExport, dir: string, bytes: number) {
  emulator.admin.stallDownloadsAfter(bytes, 60_000, 1);
  const controller = new AbortController();
  const run = downloadVerified(options(exp, dir, { signal: controller.signal, stallTimeoutMs: 120_000 }));
  const partPath = path.join(dir, `${exp.file.name}.part`);
  while (((await sizeOf(partPath)) ?? 0) < bytes) await new Promise((resolve) => setTimeout(resolve, 10));
  controller.abort();
  const err = await failure(run);
  expect(err.code).toBe('cancelled');
  expect(err.state).toEqual({ partPath, bytes, etag: `"${exp.file.sha256}"` });
  return err.state as NonNullable<DownloadError['state']>;
}

describe.each(TRANSPORTS)('over $name', (transport) => {
  beforeAll(() => {
    httpGet = transport.httpGet;
  });

  describe('downloadVerified', () => {
    it('streams a verified file into the folder, with progress and checkpoints', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      const progress: number[] = [];
      const checkpoints: unknown[] = [];
      const result = await downloadVerified(
        options(exp, dir, { onProgress: (p) => progress.push(p.bytes), onCheckpoint: (c) => checkpoints.push(c) }),
      );
      expect(result).toEqual({ finalPath: path.join(dir, exp.file.name), sha256: exp.file.sha256, sizeBytes: exp.file.sizeBytes });
      expect(await sha256Of(result.finalPath)).toBe(exp.file.sha256);
      expect(await readdir(dir)).toEqual([exp.file.name]);
      expect(progress.at(-1)).toBe(exp.file.sizeBytes);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(checkpoints[0]).toEqual({ partPath: path.join(dir, `${exp.file.name}.part`), bytes: 0, etag: `"${exp.file.sha256}"` });
    });

    it('resumes from its offset after the connection is cut, fetching again less than one chunk', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      const cutAt = 1_234_567;
      emulator.admin.clearRequests();
      emulator.admin.cutDownloadsAfter(cutAt, 1);
      const result = await downloadVerified(options(exp, dir));

      const gets = downloadRequests();
      expect(gets.map((g) => g.status)).toEqual([200, 206]);
      const resumedAt = rangeStart(gets[1]?.range ?? null) ?? -1;
      expect(resumedAt).toBeGreaterThan(0);
      expect(resumedAt).toBeLessThanOrEqual(cutAt);
      expect(cutAt - resumedAt).toBeLessThan(64 * 1024);
      expect(gets[1]?.ifRange).toBe(`"${exp.file.sha256}"`);
      expect(result.sha256).toBe(exp.file.sha256);
      expect(await sha256Of(result.finalPath)).toBe(exp.file.sha256);
      expect(await readdir(dir)).toEqual([exp.file.name]);
    });

    it('resumes a partial left by an earlier run (registry state) with Range + If-Range', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      const state = await interruptAt(exp, dir, 777_777);
      emulator.admin.clearRequests();
      const result = await downloadVerified(options(exp, dir, { resume: { partPath: state.partPath, etag: state.etag } }));
      const gets = downloadRequests();
      expect(gets).toHaveLength(1);
      expect(gets[0]).toMatchObject({ range: 'bytes=777777-', ifRange: `"${exp.file.sha256}"`, status: 206 });
      expect(await sha256Of(result.finalPath)).toBe(exp.file.sha256);
    });

    it('restarts cleanly when the file changed (If-Range mismatch → 200): never splices two versions', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      const state = await interruptAt(exp, dir, 600_000);
      emulator.admin.replaceFile(exp.id);
      const replaced = asCompleted(await getExport(emulator, exp.id));
      expect(replaced.file.sha256).not.toBe(exp.file.sha256);
      emulator.admin.clearRequests();
      const checkpoints: Array<{ bytes: number; etag: string | null }> = [];
      const result = await downloadVerified(
        options(replaced, dir, { resume: { partPath: state.partPath, etag: state.etag }, onCheckpoint: (c) => checkpoints.push(c) }),
      );
      const gets = downloadRequests();
      expect(gets).toHaveLength(1);
      expect(gets[0]).toMatchObject({ range: 'bytes=600000-', ifRange: `"${exp.file.sha256}"`, status: 200 });
      expect(checkpoints[0]).toMatchObject({ bytes: 0, etag: `"${replaced.file.sha256}"` });
      expect(result.sha256).toBe(replaced.file.sha256);
      expect(await sha256Of(result.finalPath)).toBe(replaced.file.sha256);
      expect(await readdir(dir)).toEqual([exp.file.name]);
    });

    it('treats a stall as a dropped connection and resumes', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      emulator.admin.clearRequests();
      emulator.admin.stallDownloadsAfter(900_000, 30_000, 1);
      const result = await downloadVerified(options(exp, dir, { stallTimeoutMs: 1000 }));
      const gets = downloadRequests();
      expect(gets).toHaveLength(2);
      expect(rangeStart(gets[1]?.range ?? null)).toBe(900_000);
      expect(await sha256Of(result.finalPath)).toBe(exp.file.sha256);
    });

    it('retries through a burst of 5xx, and gives up with the partial kept when they do not stop', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      emulator.admin.clearRequests();
      emulator.admin.failNext(3, 503);
      const result = await downloadVerified(options(exp, dir));
      expect(downloadRequests().map((g) => g.status)).toEqual([503, 503, 503, 200]);
      expect(await sha256Of(result.finalPath)).toBe(exp.file.sha256);

      const other = await createCompletedExport(emulator, { from: '2026-03-05T00:00:00Z', to: '2026-03-06T00:00:00Z' });
      const state = await interruptAt(other, dir, 400_000);
      emulator.admin.failNext(10, 500);
      const err = await failure(downloadVerified(options(other, dir, { resume: state, retry: { maxAttempts: 3, baseDelayMs: 5 } })));
      emulator.admin.failNext(0, 500);
      expect(err.code).toBe('download_failed');
      expect(err.message).toMatch(/failed after 3 attempts \(the server answered 500\).*400000 bytes already fetched are kept/);
      expect(err.state).toEqual(state);
      expect(await sizeOf(state.partPath)).toBe(400_000);
    });

    it('refuses corrupted bytes: integrity failure, no final file, data set aside, next try from zero', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      emulator.admin.corruptFile(exp.id);
      const err = await failure(downloadVerified(options(exp, dir)));
      expect(err.code).toBe('integrity_failed');
      expect(err.message).toMatch(/does not match the export .* set aside as .*\.corrupt\. Download it again\./);
      expect(err.state).toEqual({ partPath: path.join(dir, `${exp.file.name}.part`), bytes: 0, etag: null });
      expect(await readdir(dir)).toEqual([`${exp.file.name}.corrupt`]);

      emulator.admin.clearRequests();
      const again = await failure(downloadVerified(options(exp, dir, { resume: err.state })));
      expect(again.code).toBe('integrity_failed');
      expect(downloadRequests()[0]?.range).toBeNull();
      expect((await readdir(dir)).sort()).toEqual([`${exp.file.name} (1).corrupt`, `${exp.file.name}.corrupt`].sort());
    });

    it('refuses a file whose size differs from the export before writing it', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      const err = await failure(downloadVerified({ ...options(exp, dir), expected: { sizeBytes: exp.file.sizeBytes + 1, sha256: exp.file.sha256 } }));
      expect(err.code).toBe('integrity_failed');
      expect(err.message).toMatch(/offering \d+ bytes/);
      expect(await readdir(dir)).toEqual([]);
    });

    it('never overwrites an existing file and sanitises the server name', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      await writeFile(path.join(dir, exp.file.name), 'mine');
      const first = await downloadVerified(options(exp, dir));
      expect(path.basename(first.finalPath)).toBe(exp.file.name.replace(/\.csv$/, ' (1).csv'));
      expect(await readFile(path.join(dir, exp.file.name), 'utf8')).toBe('mine');

      const hostile = await downloadVerified(options(exp, dir, { fileName: `../../..\\\u202Eevil.csv` }));
      expect(hostile.finalPath).toBe(path.join(dir, 'evil.csv'));
    });

    it('keeps two exports rendered to the same name apart while both download', async () => {
      const a = await createCompletedExport(emulator, { from: '2026-04-01T00:00:00Z', to: '2026-04-02T00:00:00Z' });
      const b = await createCompletedExport(emulator, { from: '2026-04-03T00:00:00Z', to: '2026-04-04T00:00:00Z' });
      const dir = await folder();
      const [ra, rb] = await Promise.all([a, b].map((exp) => downloadVerified(options(exp, dir, { fileName: 'same.csv' }))));
      expect([ra?.finalPath, rb?.finalPath].map((p) => path.basename(p ?? '')).sort()).toEqual(['same (1).csv', 'same.csv']);
      expect(await sha256Of(ra?.finalPath ?? '')).toBe(a.file.sha256);
      expect(await sha256Of(rb?.finalPath ?? '')).toBe(b.file.sha256);
    });

    it('ignores a registry .part path outside the folder', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      const elsewhere = await folder();
      const outside = path.join(elsewhere, 'x.part');
      await writeFile(outside, 'not ours');
      const result = await downloadVerified(options(exp, dir, { resume: { partPath: outside, etag: `"${exp.file.sha256}"` } }));
      expect(await readFile(outside, 'utf8')).toBe('not ours');
      expect(await sha256Of(result.finalPath)).toBe(exp.file.sha256);
    });

    it('stops with link_expired once the signed URL expires, keeping the partial', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      const state = await interruptAt(exp, dir, 500_000);
      emulator.admin.advanceClock(2 * 60 * 60 * 1000);
      const err = await failure(downloadVerified(options(exp, dir, { resume: state })));
      expect(err.code).toBe('link_expired');
      expect(err.message).toMatch(/expired; re-run the export/);
      expect(err.state).toEqual(state);
      expect(await readdir(dir)).toEqual([`${exp.file.name}.part`]);
      expect(await sizeOf(state.partPath)).toBe(500_000);
    });

    it('says link_invalid for a tampered URL', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      const tampered = exp.downloadUrl.slice(0, -1) + (exp.downloadUrl.endsWith('0') ? '1' : '0');
      const err = await failure(downloadVerified(options({ ...exp, downloadUrl: tampered }, dir)));
      expect(err.code).toBe('link_invalid');
      expect(err.message).not.toContain(exp.downloadUrl);
    });

    it('says export_expired (410) once the export passed its retention', async () => {
      const longLinks = await startEmulator({ port: 0, jobMinDurationMs: 20, rateLimit: 0, urlTtlSeconds: 365 * 24 * 3600 });
      try {
        const exp = await createCompletedExport(longLinks);
        longLinks.admin.advanceClock(40 * 24 * 60 * 60 * 1000);
        const err = await failure(downloadVerified(options(exp, await folder())));
        expect(err.code).toBe('export_expired');
      } finally {
        await longLinks.close();
      }
    });

    it('reports a folder it may not write to (a read-only tmpfs as root, else a read-only mode)', async () => {
      const exp = await createCompletedExport(emulator);
      const dir = await folder();
      let mounted = false;
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', dir], { stdio: 'ignore' });
        mounted = true;
      } catch {
        await chmod(dir, 0o555);
      }
      try {
        const err = await failure(downloadVerified(options(exp, dir)));
        expect(err.code).toBe('permission_denied');
        expect(err.message).toBe(`Cannot write to ${dir}; allow writing there or choose another folder, then retry the download.`);
      } finally {
        if (mounted) execFileSync('umount', [dir]);
        else await chmod(dir, 0o755);
      }
    });

    it('reports a missing folder in the user’s words', async () => {
      const exp = await createCompletedExport(emulator);
      const err = await failure(downloadVerified(options(exp, path.join(await folder(), 'gone'))));
      expect(err.code).toBe('folder_missing');
    });
  });

  describe('a full disk', () => {
    /** A real 1 MiB tmpfs when this runs as root; otherwise ENOSPC is injected at the write boundary. */
    function mountTinyDisk(dir: string): boolean {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    }

    function enospcAfter(limit: number): WritevFn {
      let written = 0;
      return (fd, buffers, position, callback) => {
        const size = buffers.reduce((n, b) => n + b.byteLength, 0);
        if (written + size > limit) {
          callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), 0);
          return;
        }
        written += size;
        fsWritev(fd, buffers, position, callback);
      };
    }

    it('interrupts with the partial kept and a clear message, then resumes once space is freed', async () => {
      const exp = await createCompletedExport(emulator);
      expect(exp.file.sizeBytes).toBeGreaterThan(2 * 1024 * 1024);
      const dir = await folder();
      const tmpfs = mountTinyDisk(dir);
      try {
        const err = await failure(downloadVerified(options(exp, dir, tmpfs ? {} : { writev: enospcAfter(1024 * 1024) })));
        expect(err.code).toBe('disk_full');
        expect(err.message).toMatch(new RegExp(`^The disk holding ${dir} is full; free disk space there and retry the download \\(the \\d+ bytes already fetched are kept\\)\\.$`));
        const partPath = path.join(dir, `${exp.file.name}.part`);
        expect(err.state?.partPath).toBe(partPath);
        expect(err.state?.bytes).toBeGreaterThan(0);
        expect(await sizeOf(partPath)).toBe(err.state?.bytes);
        expect(await readdir(dir)).toEqual([`${exp.file.name}.part`]);

        if (tmpfs) execFileSync('mount', ['-o', 'remount,size=16m', dir]);
        emulator.admin.clearRequests();
        const result = await downloadVerified(options(exp, dir, { resume: err.state }));
        expect(rangeStart(downloadRequests()[0]?.range ?? null)).toBe(err.state?.bytes);
        expect(await sha256Of(result.finalPath)).toBe(exp.file.sha256);
        expect(await readdir(dir)).toEqual([exp.file.name]);
        console.warn(tmpfs ? 'ENOSPC came from a real 1 MiB tmpfs' : 'ENOSPC was injected (tmpfs could not be mounted)');
      } finally {
        if (tmpfs) execFileSync('umount', [dir]);
      }
    });
  });
});
