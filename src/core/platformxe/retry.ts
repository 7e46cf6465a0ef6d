/** When to try a request again and how long to wait first. Pure functions: time and randomness come in. */

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Backoff ceiling for the first retry; it doubles per retry up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts if it would begin later than this after the first attempt. */
  maxElapsedMs: number;
  /** The longest `Retry-After` we wait out; a longer one ends the retries and is reported instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxElapsedMs: 60_000,
  maxRetryAfterMs: 60_000,
});

export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...partial };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError('retry.maxAttempts must be an integer of at least 1');
  }
  for (const name of ['baseDelayMs', 'maxDelayMs', 'maxElapsedMs', 'maxRetryAfterMs'] as const) {
    if (!Number.isFinite(policy[name]) || policy[name] < 0) {
      throw new RangeError(`retry.${name} must be a finite number of milliseconds, 0 or more`);
    }
  }
  return policy;
}

/** Exponential backoff with full jitter: uniform in [0, min(maxDelay, base * 2^(retry-1))). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/** `Retry-After` as milliseconds from `nowMs`: delta-seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export interface RetryInput {
  /** Attempts made so far (1 after the first failure). */
  attempts: number;
  elapsedMs: number;
  retryable: boolean;
  retryAfterMs: number | null;
}

/** The wait before the next attempt, or null when the request should fail now. */
export function nextRetryDelayMs(input: RetryInput, policy: RetryPolicy, random: () => number): number | null {
  if (!input.retryable || input.attempts >= policy.maxAttempts) return null;
  // Waiting less than the server asked only earns another 429, so a longer ask ends the retries.
  if (input.retryAfterMs !== null && input.retryAfterMs > policy.maxRetryAfterMs) return null;
  const delay = Math.max(backoffDelayMs(input.attempts, policy, random), input.retryAfterMs ?? 0);
  return input.elapsedMs + delay > policy.maxElapsedMs ? null : delay;
}
