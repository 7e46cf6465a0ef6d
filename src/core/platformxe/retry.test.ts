import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, nextRetryDelayMs, parseRetryAfter, resolveRetryPolicy } from './retry';

const policy = resolveRetryPolicy();

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Feb 2026 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('backoffDelayMs (full jitter)', () => {
  it('doubles the ceiling per retry up to maxDelayMs', () => {
    const top = () => 0.999999;
    expect(backoffDelayMs(1, policy, top)).toBe(499);
    expect(backoffDelayMs(2, policy, top)).toBe(999);
    expect(backoffDelayMs(3, policy, top)).toBe(1999);
    expect(backoffDelayMs(10, policy, top)).toBe(19_999);
  });

  it('can be anywhere from zero', () => {
    expect(backoffDelayMs(4, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(4, policy, () => 0.5)).toBe(2000);
  });
});

describe('nextRetryDelayMs', () => {
  const base = { attempts: 1, elapsedMs: 0, retryable: true, retryAfterMs: null };

  it('does not retry what is not transient', () => {
    expect(nextRetryDelayMs({ ...base, retryable: false }, policy, () => 0)).toBeNull();
  });

  it('stops at maxAttempts', () => {
    expect(nextRetryDelayMs({ ...base, attempts: 4 }, policy, () => 0)).toBe(0);
    expect(nextRetryDelayMs({ ...base, attempts: 5 }, policy, () => 0)).toBeNull();
  });

  it('honours Retry-After as a minimum', () => {
    expect(nextRetryDelayMs({ ...base, retryAfterMs: 7000 }, policy, () => 0.5)).toBe(7000);
    expect(nextRetryDelayMs({ ...base, attempts: 4, retryAfterMs: 1000 }, policy, () => 0.5)).toBe(2000);
  });

  it('gives up rather than wait longer than maxRetryAfterMs', () => {
    expect(nextRetryDelayMs({ ...base, retryAfterMs: 60_000 }, policy, () => 0)).toBe(60_000);
    expect(nextRetryDelayMs({ ...base, retryAfterMs: 60_001 }, policy, () => 0)).toBeNull();
  });

  it('keeps the whole call within maxElapsedMs', () => {
    expect(nextRetryDelayMs({ ...base, elapsedMs: 59_000, retryAfterMs: 1000 }, policy, () => 0)).toBe(1000);
    expect(nextRetryDelayMs({ ...base, elapsedMs: 59_001, retryAfterMs: 1000 }, policy, () => 0)).toBeNull();
  });
});

describe('resolveRetryPolicy', () => {
  it('fills in the defaults', () => {
    expect(resolveRetryPolicy({ maxAttempts: 2 })).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 2 });
  });

  it('refuses nonsense', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow(/baseDelayMs/);
    expect(() => resolveRetryPolicy({ maxElapsedMs: Number.NaN })).toThrow(/maxElapsedMs/);
  });
});
