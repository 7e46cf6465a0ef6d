import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { api, TEST_KEYS } from './test-helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, keys: { ...TEST_KEYS, other: ['exports:create'] }, rateLimit: 2 });
});
afterAll(() => emu.close());

describe('per-key rate limit', () => {
  it('allows a burst of twice the rate, then answers 429 rate_limited with Retry-After; other keys are unaffected', async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<ReturnType<typeof api>['processor']>> | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await api(emu).processor();
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses).toContain(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited?.json).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await api(emu, 'other').processor()).status).toBe(200);
  });

  it('refills over time (the emulator clock)', async () => {
    emu.admin.advanceClock(5_000);
    expect((await api(emu).processor()).status).toBe(200);
  });
});
