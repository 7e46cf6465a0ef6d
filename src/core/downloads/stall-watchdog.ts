import type { Clock } from '../clock';

/**
 * Calls `onStall` once `read()` has not changed for `timeoutMs`. It samples a counter a few times per
 * timeout instead of re-arming a timer on every chunk, which would cost throughput.
 */
export function startStallWatchdog(clock: Clock, timeoutMs: number, read: () => number, onStall: () => void): { stop(): void } {
  const period = Math.max(5, Math.floor(timeoutMs / 4));
  let last = read();
  let lastChangeAt = clock.now();
  let handle: unknown = null;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    const now = clock.now();
    const value = read();
    if (value !== last) {
      last = value;
      lastChangeAt = now;
    } else if (now - lastChangeAt >= timeoutMs) {
      onStall();
      return;
    }
    handle = clock.setTimeout(tick, period);
  };
  handle = clock.setTimeout(tick, period);

  return {
    stop() {
      stopped = true;
      clock.clearTimeout(handle);
    },
  };
}
