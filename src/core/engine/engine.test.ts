import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator';
import { isPlatformXEError } from '../platformxe';
import { InputError } from './input-error';
import { auditRequest, createHarness, engineTestEmulator, sha256File, namesIn, ONE_DAY, readJson, type Harness } from './test-support';

const KEY = 'pxe_engine_full_access_key';
let emulator: RunningEmulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await engineTestEmulator(KEY);
});
afterAll(() => emulator.close());
afterEach(() => harness?.close());

describe('export engine against the emulator', () => {
  it('creates, polls, auto-downloads, verifies and writes the custody manifest', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY });
    const { job } = await harness.engine.createExport(auditRequest(harness, 'Matter 42'));

    const done = await harness.engine.waitFor(job.id);

    expect(done.server.status).toBe('COMPLETE');
    expect(done.download.state).toBe('done');
    const file = done.server.file!;
    const finalPath = done.download.finalPath!;
    expect(path.dirname(finalPath)).toBe(harness.downloadDir);
    expect(path.basename(finalPath)).toBe(`AUDIT_LOGS_20260301T000000Z_20260302T000000Z_${job.id}.csv`);
    expect(await sha256File(finalPath)).toBe(file.sha256);
    expect(done.download).toMatchObject({ sha256: file.sha256, bytes: file.sizeBytes, partPath: null, error: null });
    expect(await namesIn(harness.downloadDir)).toEqual([path.basename(finalPath), `${path.basename(finalPath)}.manifest.json`]);

    const manifest = await readJson(done.download.manifestPath!);
    expect(manifest).toMatchObject({
      exportId: job.id,
      rerunOf: null,
      type: 'AUDIT_LOGS',
      format: 'csv',
      filters: ONE_DAY,
      label: 'Matter 42',
      profile: { name: 'Engine test' },
      requestIds: { create: done.requestIds.create, completingGet: done.requestIds.completingGet },
      createdAt: done.server.createdAt,
      completedAt: done.server.completedAt,
      downloadedAt: done.download.downloadedAt,
      file: { name: path.basename(finalPath), sizeBytes: file.sizeBytes, sha256: file.sha256 },
      verified: true,
      app: { name: 'PlatformXE Export Manager (test)', version: '9.9.9' },
    });
    expect(String((manifest.profile as { baseUrl: string }).baseUrl)).toContain(new URL(emulator.baseUrl).host);
    expect(done.requestIds.create).toMatch(/\S/);
    expect(done.requestIds.completingGet).toMatch(/\S/);

    const states = harness.events.jobs.filter((j) => j.id === job.id).map((j) => j.download.state);
    expect(dedupe(states)).toEqual(['idle', 'queued', 'downloading', 'verifying', 'done']);
    expect(harness.events.progress.at(-1)).toMatchObject({ jobId: job.id, bytes: file.sizeBytes, total: file.sizeBytes });
    expect(harness.events.notices).toContainEqual(expect.objectContaining({ kind: 'download-verified', level: 'info', jobId: job.id }));
  });

  it('warns about an identical export that already exists', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY, settings: { autoDownload: false } });
    const first = await harness.engine.createExport(auditRequest(harness));
    const second = await harness.engine.createExport(auditRequest(harness));

    expect(first.duplicateOf).toBeNull();
    expect(second.duplicateOf?.id).toBe(first.job.id);
    expect(second.job.id).not.toBe(first.job.id);
  });

  it('reports a job that FAILED on the server and stops there', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY });
    emulator.admin.failNextJobs(1, { code: 'source_unavailable', message: 'The audit store was unavailable.' });
    const { job } = await harness.engine.createExport(auditRequest(harness));

    const failed = await harness.engine.waitFor(job.id);

    expect(failed.server.status).toBe('FAILED');
    expect(failed.server.error).toEqual({ code: 'source_unavailable', message: 'The audit store was unavailable.' });
    expect(failed.download.state).toBe('idle');
    const notice = harness.events.notices.find((n) => n.kind === 'job-failed');
    expect(notice).toMatchObject({ level: 'error', jobId: job.id });
    expect(notice?.message).toContain('The audit store was unavailable.');
  });

  it('keeps corrupted bytes out of the final name and says so', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY, settings: { autoDownload: false } });
    const { job } = await harness.engine.createExport(auditRequest(harness));
    await harness.engine.waitFor(job.id);
    emulator.admin.corruptFile(job.id);

    const result = await harness.engine.download(job.id);

    expect(result.download.state).toBe('integrity_failed');
    expect(result.download.finalPath).toBeNull();
    expect(result.download.error?.code).toBe('integrity_failed');
    expect(result.download.error?.message).toMatch(/does not match the export.*Download it again/);
    const names = await namesIn(harness.downloadDir);
    expect(names.every((n) => n.includes('.corrupt'))).toBe(true);
    expect(harness.events.notices).toContainEqual(expect.objectContaining({ kind: 'integrity-failed', level: 'error', jobId: job.id }));
  });

  it('gets through 5xx and 429 storms with one Idempotency-Key for every create retry', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY });
    emulator.admin.clearRequests();
    emulator.admin.failNext(2, 503);
    emulator.admin.rateLimitStorm(2, 1);

    const { job } = await harness.engine.createExport(auditRequest(harness));
    const done = await harness.engine.waitFor(job.id);

    const creates = emulator.admin.requests().filter((r) => r.method === 'POST' && r.path === '/v1/exports');
    expect(creates.map((r) => r.status)).toEqual([503, 503, 429, 429, 202]);
    expect(new Set(creates.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(creates[0]?.idempotencyKey).toMatch(/\S/);
    expect(done.download.state).toBe('done');
    expect(await sha256File(done.download.finalPath!)).toBe(done.server.file!.sha256);
  });

  it('pauses a whole profile on a 429 while polling and carries on afterwards', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY, settings: { autoDownload: false } });
    const { job } = await harness.engine.createExport(auditRequest(harness));
    emulator.admin.rateLimitStorm(3, 1);

    const done = await harness.engine.waitFor(job.id);

    expect(done.server.status).toBe('COMPLETE');
  });

  it('refuses bad input before sending, with details per field', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY });
    emulator.admin.clearRequests();

    const badRange = await harness.engine.createExport({ ...auditRequest(harness), filters: { from: ONE_DAY.to, to: ONE_DAY.from } }).catch((e: unknown) => e);
    const badBounds = await harness.engine.updateProcessor(harness.profile.id, { config: { maxConcurrentJobs: 11, retentionDays: 0 } }).catch((e: unknown) => e);

    expect(badRange).toBeInstanceOf(InputError);
    expect((badRange as InputError).details).toEqual([{ field: 'filters.to', message: '`from` must be before `to`' }]);
    expect(badBounds).toBeInstanceOf(InputError);
    expect((badBounds as InputError).message).toBe(
      'The processor settings are out of bounds: config.maxConcurrentJobs: must be from 1 to 10; config.retentionDays: must be from 1 to 365.',
    );
    expect(emulator.admin.requests()).toEqual([]);
  });

  it('gets and updates the processor, passing the server errors on', async () => {
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: KEY });

    const updated = await harness.engine.updateProcessor(harness.profile.id, { config: { retentionDays: 45 } });
    const read = await harness.engine.getProcessor(harness.profile.id);
    await harness.engine.updateProcessor(harness.profile.id, { config: { retentionDays: 30 } });

    expect(updated.config.retentionDays).toBe(45);
    expect(read.config.retentionDays).toBe(45);

    emulator.admin.setProcessor({ enabled: false });
    try {
      const refused = await harness.engine.createExport(auditRequest(harness)).catch((e: unknown) => e);
      expect(isPlatformXEError(refused) && refused.code).toBe('processor_disabled');
    } finally {
      emulator.admin.setProcessor({ enabled: true });
    }
  });
});

function dedupe<T>(values: T[]): T[] {
  return values.filter((v, i) => i === 0 || values[i - 1] !== v);
}
