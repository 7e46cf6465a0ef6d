import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffBase, backoffDelay, backoffPolicy, DEFAULT_BACKOFF } from './backoff';

describe('backoff', () => {
  it('grows by the factor from the initial delay up to the cap', () => {
    const noJitter = () => 0;
    const delays = Array.from({ length: 12 }, (_, attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, noJitter));
    expect(delays).toEqual([1000, 1500, 2250, 3375, 5063, 7594, 11391, 17086, 25629, 30000, 30000, 30000]);
  });

  it('keeps every jittered delay between (1 - jitter) of the step and the step itself, never above the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, jitter, random) => {
          const policy = backoffPolicy({ jitter });
          const base = backoffBase(attempt, policy);
          const delay = backoffDelay(attempt, policy, () => random);
          expect(delay).toBeLessThanOrEqual(policy.maxMs);
          expect(delay).toBeLessThanOrEqual(Math.round(base));
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - jitter)));
        },
      ),
    );
  });

  it('tolerates a random source outside [0, 1)', () => {
    for (const value of [-1, 1, 7, Number.NaN]) {
      const delay = backoffDelay(0, DEFAULT_BACKOFF, () => value);
      expect(delay).toBeGreaterThanOrEqual(800);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });

  it('rejects options that would make polling spin or stall', () => {
    expect(() => backoffPolicy({ initialMs: 0 })).toThrow(/initialMs/);
    expect(() => backoffPolicy({ initialMs: 5_000, maxMs: 1_000 })).toThrow(/maxMs/);
    expect(() => backoffPolicy({ factor: 0.5 })).toThrow(/factor/);
    expect(() => backoffPolicy({ jitter: 2 })).toThrow(/jitter/);
    expect(backoffPolicy({ initialMs: undefined })).toEqual(DEFAULT_BACKOFF);
  });
});
