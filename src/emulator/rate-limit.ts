/**
 * Per-key token buckets: `rate` requests per second sustained, bursts up to twice that.
 * `take` answers null when the request may go ahead, or the whole seconds to wait.
 */
export function createRateLimiter(rate: number, now: () => number) {
  const capacity = rate * 2;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function take(key: string): number | null {
    if (rate <= 0) return null;
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
    bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * rate);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
  }

  return { take };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
