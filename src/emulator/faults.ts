/** Fault injection state: each fault is armed for the next N requests and consumed as they arrive. */

export interface DownloadShaping {
  /** Destroy the socket after this many body bytes. */
  cutAfter: number | null;
  /** Send this many body bytes, then nothing for `ms`, then the rest. */
  stall: { after: number; ms: number } | null;
}

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}

export function createFaults() {
  let resets = 0;
  let failures = { left: 0, status: 500 as 500 | 503 };
  let storm = { left: 0, retryAfterSeconds: 1 };
  let latencyMs = 0;
  let cut = { left: 0, bytes: 0 };
  let stall = { left: 0, bytes: 0, ms: 0 };

  return {
    failNext(n: number, status: 500 | 503): void {
      if (status !== 500 && status !== 503) throw new RangeError('failNext status must be 500 or 503');
      failures = { left: count('count', n), status };
    },
    rateLimitStorm(n: number, retryAfterSeconds: number): void {
      storm = { left: count('count', n), retryAfterSeconds: count('retryAfterSeconds', retryAfterSeconds) };
    },
    resetNextConnections(n: number): void {
      resets = count('count', n);
    },
    setLatency(ms: number): void {
      latencyMs = count('ms', ms);
    },
    cutDownloadsAfter(bytes: number, n = 1): void {
      cut = { left: count('count', n), bytes: count('bytes', bytes) };
    },
    stallDownloadsAfter(bytes: number, ms: number, n = 1): void {
      stall = { left: count('count', n), bytes: count('bytes', bytes), ms: count('stallMs', ms) };
    },

    latency: (): number => latencyMs,
    takeReset(): boolean {
      if (resets === 0) return false;
      resets--;
      return true;
    },
    takeFailure(): 500 | 503 | null {
      if (failures.left === 0) return null;
      failures.left--;
      return failures.status;
    },
    /** Retry-After seconds when this API request is part of a 429 storm. */
    takeStorm(): number | null {
      if (storm.left === 0) return null;
      storm.left--;
      return storm.retryAfterSeconds;
    },
    takeDownloadShaping(): DownloadShaping {
      const shaping: DownloadShaping = { cutAfter: null, stall: null };
      if (cut.left > 0) {
        cut.left--;
        shaping.cutAfter = cut.bytes;
      }
      if (stall.left > 0) {
        stall.left--;
        shaping.stall = { after: stall.bytes, ms: stall.ms };
      }
      return shaping;
    },
  };
}
export type Faults = ReturnType<typeof createFaults>;
