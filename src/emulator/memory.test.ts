import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { completedExport, TEST_KEYS } from './test-helpers';

const MB = 1024 * 1024;
let emu: RunningEmulator;
beforeAll(async () => {
  // ~1M rows: about 200 MB of csv for one day.
  emu = await startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, jobMinDurationMs: 0, rowsPerDay: 1_000_000 });
});
afterAll(() => emu.close());

/** Runs `work` while sampling RSS; returns the peak growth over the RSS at the start. */
async function peakRssGrowth(work: () => Promise<void>): Promise<number> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage.rss()) - base;
}

describe('large files', () => {
  it('are generated and served with flat memory', { timeout: 120_000 }, async () => {
    let size = 0;
    let url = '';
    let sha = '';
    const generating = await peakRssGrowth(async () => {
      const done = await completedExport(emu);
      size = done.file?.sizeBytes ?? 0;
      sha = done.file?.sha256 ?? '';
      url = done.downloadUrl as string;
    });
    expect(size).toBeGreaterThan(190 * MB);

    const serving = await peakRssGrowth(async () => {
      const res = await fetch(url);
      const hash = createHash('sha256');
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
      expect(hash.digest('hex')).toBe(sha);
    });
    console.warn(`memory: ${(size / MB).toFixed(0)} MB file; RSS growth ${(generating / MB).toFixed(0)} MB generating, ${(serving / MB).toFixed(0)} MB serving`);
    // Growth is a constant (~40-50 MB of chunk buffers awaiting GC), the same for 100 MB or 1 GB.
    expect(generating).toBeLessThan(size / 2);
    expect(serving).toBeLessThan(size / 2);
  });
});
