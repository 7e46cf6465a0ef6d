import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator';
import { auditRequest, createHarness, engineTestEmulator, sha256File, eventually, namesIn, ONE_DAY, readJson, type Harness } from './test-support';

const KEY = 'pxe_engine_rerun_key';
const URL_TTL_MS = 3600 * 1000;
let emulator: RunningEmulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await engineTestEmulator(KEY);
});
afterAll(() => emulator.close());
afterEach(() => harness?.close());

const fileRequests = (exportId: string) => emulator.admin.requests().filter((r) => r.path.startsWith(`/files/${exportId}/`));

describe('expired download links', () => {
  it('re-runs an export whose link expired before the download, and downloads the re-run', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY, settings: { autoDownload: false } });
    const { job } = await harness.engine.createExport(auditRequest(harness, 'Re-run case'));
    await harness.engine.waitFor(job.id);
    emulator.admin.advanceClock(URL_TTL_MS + 1000);
    const refreshed = await harness.engine.refresh(job.id);
    expect(refreshed.server.downloadUrl).toBeNull();

    const old = await harness.engine.download(job.id);

    expect(old.download.state).toBe('rerun');
    expect(old.rerunBy).toMatch(/^exp_/);
    expect(fileRequests(job.id)).toEqual([]);
    expect(harness.events.notices).toContainEqual(expect.objectContaining({ kind: 'link-expired-rerun', level: 'info', jobId: job.id }));

    const rerun = await harness.engine.waitFor(job.id);

    expect(rerun.id).toBe(old.rerunBy);
    expect(rerun.rerunOf).toBe(job.id);
    expect(rerun.label).toBe('Re-run case');
    expect(rerun.server.filters).toEqual(ONE_DAY);
    expect(rerun.download.state).toBe('done');
    expect(await sha256File(rerun.download.finalPath!)).toBe(rerun.server.file!.sha256);
    expect(await readJson(rerun.download.manifestPath!)).toMatchObject({ exportId: rerun.id, rerunOf: job.id, verified: true });
  });

  it('treats a 403 url_expired on a stored link the same way', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY, settings: { autoDownload: false } });
    const { job } = await harness.engine.createExport(auditRequest(harness, 'Re-run case'));
    await harness.engine.waitFor(job.id);
    emulator.admin.clearRequests();
    emulator.admin.advanceClock(URL_TTL_MS + 1000);

    const old = await harness.engine.download(job.id);
    const rerun = await harness.engine.waitFor(job.id);

    expect(fileRequests(job.id).map((r) => r.status)).toEqual([403]);
    expect(old.download.state).toBe('rerun');
    expect(rerun.rerunOf).toBe(job.id);
    expect(rerun.download.state).toBe('done');
  });

  it('leaves the job as "link expired" when re-running is turned off', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY, settings: { autoDownload: false, rerunExpiredLinks: false } });
    const { job } = await harness.engine.createExport(auditRequest(harness, 'Re-run case'));
    await harness.engine.waitFor(job.id);
    emulator.admin.advanceClock(URL_TTL_MS + 1000);

    const result = await harness.engine.download(job.id);

    expect(result.download.state).toBe('link_expired');
    expect(result.rerunBy).toBeNull();
    expect(result.download.error?.code).toBe('link_expired');
    expect(harness.events.notices.at(-1)?.message).toMatch(/expired.*re-run the export/);
  });

  it('resumes the old .part from its offset against the re-run URL when the bytes are the same', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY });
    emulator.admin.clearRequests();
    emulator.admin.cutDownloadsAfter(100_000, 1);
    // The moment the cut transfer has saved its offset, the hour passes: the retry meets an expired link.
    let expired = false;
    harness.engine.on('job-changed', (job) => {
      if (!expired && job.download.state === 'downloading' && job.download.partPath && job.download.bytes > 0) {
        expired = true;
        emulator.admin.advanceClock(URL_TTL_MS + 1000);
      }
    });
    const { job } = await harness.engine.createExport(auditRequest(harness, 'Re-run case'));

    const rerun = await harness.engine.waitFor(job.id);

    const old = harness.registry.require(job.id);
    expect(old.download.state).toBe('rerun');
    expect(old.download.partPath).toBeNull();
    expect(rerun.rerunOf).toBe(job.id);
    expect(rerun.server.file?.sha256).toBe(old.server.file?.sha256);

    const first = fileRequests(job.id);
    expect(first.map((r) => r.status)).toEqual([200, 403]);
    const resumed = fileRequests(rerun.id);
    expect(resumed).toHaveLength(1);
    const offset = Number(/^bytes=(\d+)-$/.exec(resumed[0]?.range ?? '')?.[1]);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(100_000);
    expect(resumed[0]).toMatchObject({ status: 206, ifRange: `"${rerun.server.file?.sha256}"` });

    expect(rerun.download.state).toBe('done');
    expect(await sha256File(rerun.download.finalPath!)).toBe(rerun.server.file!.sha256);
    expect((await stat(rerun.download.finalPath!)).size).toBe(rerun.server.file!.sizeBytes);
    expect(path.basename(rerun.download.finalPath!)).toContain(rerun.id);
    expect((await namesIn(harness.downloadDir)).filter((n) => n.endsWith('.part'))).toEqual([]);
    expect(harness.events.notices).toContainEqual(expect.objectContaining({ kind: 'link-expired-rerun', jobId: job.id }));
  });

  it('resumes an interrupted download after a restart and verifies it', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY });
    emulator.admin.clearRequests();
    emulator.admin.stallDownloadsAfter(150_000, 60_000, 1);
    const { job } = await harness.engine.createExport(auditRequest(harness, 'Re-run case'));
    await eventually(() => harness.events.progress.find((p) => p.jobId === job.id && p.bytes > 0), 'the first bytes');

    await harness.engine.stop();
    const stopped = harness.store.load().find((j) => j.id === job.id)!;
    expect(stopped.download.state).toBe('interrupted');
    expect(await namesIn(harness.downloadDir)).toEqual([path.basename(stopped.download.partPath!)]);
    expect(stopped.download.partPath).toMatch(/\.csv\.part$/);
    await harness.restart();

    const done = await harness.engine.waitFor(job.id);
    expect(done.download.state).toBe('done');
    expect(await sha256File(done.download.finalPath!)).toBe(done.server.file!.sha256);

    const requests = fileRequests(job.id);
    expect(requests).toHaveLength(2);
    const offset = Number(/^bytes=(\d+)-$/.exec(requests[1]?.range ?? '')?.[1]);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(150_000);
    expect(requests[1]?.status).toBe(206);
  });
});
