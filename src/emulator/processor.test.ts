import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Export } from '../shared/wire';
import { startEmulator, type RunningEmulator } from './index';
import { api, DAY, pollUntil, TEST_KEYS } from './test-helpers';

let emu: RunningEmulator;
afterEach(() => emu?.close());

const start = (opts: Parameters<typeof startEmulator>[0] = {}) =>
  startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, rowsPerDay: 500, jobMinDurationMs: 300, ...opts });

async function createMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await api(emu).create({ ...DAY, filters: { ...DAY.filters, note: `job ${i}` } });
    expect(res.status).toBe(202);
    ids.push(res.json.id);
  }
  return ids;
}

const readAll = async (ids: string[]): Promise<Export[]> => Promise.all(ids.map(async (id) => (await api(emu).get(id)).json));

describe('processor concurrency', () => {
  it('never has more than maxConcurrentJobs exports progressing, and progress only rises from 0 to 1', async () => {
    emu = await start({ processor: { maxConcurrentJobs: 2 } });
    const ids = await createMany(6);
    const last = new Map<string, number>();
    let samples = 0;
    let sawWaiting = false;
    for (;;) {
      const all = await readAll(ids);
      samples++;
      const progressing = all.filter((e) => e.status === 'PROCESSING' && e.progress > 0);
      expect(progressing.length).toBeLessThanOrEqual(2);
      if (all.some((e) => e.status === 'PROCESSING' && e.progress === 0)) sawWaiting = true;
      for (const e of all) {
        expect(e.progress).toBeGreaterThanOrEqual(last.get(e.id) ?? 0);
        last.set(e.id, e.progress);
        if (e.status === 'PROCESSING') expect(e.progress).toBeLessThan(1);
      }
      if (all.every((e) => e.status === 'COMPLETE')) break;
    }
    expect(sawWaiting).toBe(true);
    expect(samples).toBeGreaterThan(5);
    expect([...last.values()].every((p) => p === 1)).toBe(true);
  });

  it('starts waiting exports as soon as maxConcurrentJobs is raised', async () => {
    emu = await start({ processor: { maxConcurrentJobs: 1 }, jobMinDurationMs: 60_000 });
    const ids = await createMany(3);
    await pollUntil(() => readAll(ids), (all) => (all[0]?.progress ?? 0) > 0);
    expect((await readAll(ids)).slice(1).map((e) => e.progress)).toEqual([0, 0]);
    expect((await api(emu).patchProcessor({ config: { maxConcurrentJobs: 3 } })).status).toBe(200);
    await pollUntil(() => readAll(ids), (all) => all.every((e) => e.progress > 0));
  });
});

describe('failing jobs', () => {
  it('failJob turns a running or waiting export FAILED with the given error and frees its slot', async () => {
    emu = await start({ processor: { maxConcurrentJobs: 1 }, jobMinDurationMs: 60_000 });
    const [running, waiting, third] = (await createMany(3)) as [string, string, string];
    emu.admin.failJob(waiting, { code: 'quota_exceeded', message: 'Too much data.' });
    emu.admin.failJob(running);
    const failed = await readAll([running, waiting]);
    expect(failed[0]).toMatchObject({ status: 'FAILED', error: { code: 'export_failed' }, downloadUrl: null, file: null });
    expect(failed[1]).toMatchObject({ status: 'FAILED', error: { code: 'quota_exceeded', message: 'Too much data.' } });
    await pollUntil(() => api(emu).get(third), (r) => r.json.progress > 0);
    expect(() => emu.admin.failJob(running)).toThrow(/not PROCESSING/);
    expect(() => emu.admin.failJob('exp_unknown')).toThrow(/no export/);
    expect(readdirSync(emu.dataDir)).not.toContain(`${running}.csv`);
  });

  it('failNextJobs fails the next N created exports after some progress', async () => {
    emu = await start({ jobMinDurationMs: 100 });
    emu.admin.failNextJobs(2, { code: 'source_unavailable', message: 'The audit store did not answer.' });
    const ids = await createMany(3);
    const all = await pollUntil(() => readAll(ids), (list) => list.every((e) => e.status !== 'PROCESSING'));
    expect(all.map((e) => e.status)).toEqual(['FAILED', 'FAILED', 'COMPLETE']);
    expect(all[0]?.error).toEqual({ code: 'source_unavailable', message: 'The audit store did not answer.' });
    expect(all[0]?.completedAt).toBeNull();
  });
});
