import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator';
import { createMemoryJobStore } from '../jobs';
import { createHarness, engineTestEmulator, eventually, ONE_DAY, type Harness } from './test-support';

const KEY = 'pxe_engine_scale_key';
const JOBS = 1000;
const BUDGET = { requestsPerSecond: 10, burst: 2 };
let emulator: RunningEmulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await engineTestEmulator(KEY, { jobMinDurationMs: 3_600_000, rowsPerDay: 10 });
});
afterAll(async () => {
  await harness?.close();
  await emulator.close();
});

const statusGets = () => emulator.admin.requests().filter((r) => r.method === 'GET' && /^\/v1\/exports\/exp_/.test(r.path));

/**
 * The most the budget allows between the first and the last recorded request. Times are taken on
 * arrival, after the network: one request of slack absorbs that jitter.
 */
function allowed(requests: { at: number }[]): number {
  const seconds = ((requests.at(-1)?.at ?? 0) - (requests[0]?.at ?? 0)) / 1000;
  return Math.ceil(seconds * BUDGET.requestsPerSecond) + BUDGET.burst + 1;
}

describe('1,000 PROCESSING jobs', () => {
  it('polls them within the per-profile budget, and resumes polling after a restart', async () => {
    harness = await createHarness({
      baseUrl: emulator.baseUrl,
      key: KEY,
      store: () => createMemoryJobStore(),
      engine: { poll: { backoff: { initialMs: 200, maxMs: 2_000 }, budget: BUDGET } },
    });
    for (let i = 0; i < JOBS; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, n) =>
          harness.engine.createExport({
            profileId: harness.profile.id,
            type: 'AUDIT_LOGS',
            format: 'csv',
            filters: { ...ONE_DAY, actor: `user${i + n}@example.com` },
          }),
        ),
      );
    }
    expect(harness.registry.pendingPolls()).toHaveLength(JOBS);
    emulator.admin.clearRequests();

    await sleep(3_000);
    const before = statusGets();
    expect(before.length).toBeGreaterThan(BUDGET.requestsPerSecond);
    expect(before.length).toBeLessThanOrEqual(allowed(before));
    expect(new Set(before.map((r) => r.path)).size).toBe(before.length);

    await harness.engine.stop();
    emulator.admin.clearRequests();
    await harness.restart();
    expect(harness.registry.pendingPolls()).toHaveLength(JOBS);

    await eventually(() => statusGets().length >= 2 * BUDGET.requestsPerSecond, 'polling to resume after the restart');
    const after = statusGets();
    expect(after.length).toBeLessThanOrEqual(allowed(after));
  });
});
