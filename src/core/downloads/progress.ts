import type { Clock } from '../clock';

export interface ProgressReport {
  bytes: number;
  total: number;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

const INTERVAL_MS = 250;
// Weight of the newest interval in the smoothed speed: steady enough for an ETA, quick to follow a change.
const SMOOTHING = 0.3;

/** Turns a stream of byte counts into at most ~4 reports a second, with a smoothed speed and ETA. */
export function createProgressReporter(clock: Clock, total: number, onProgress?: (p: ProgressReport) => void) {
  let lastAt = clock.now();
  let lastBytes = -1;
  let speed = 0;

  const emit = (bytes: number, now: number) => {
    const elapsed = now - lastAt;
    if (lastBytes >= 0 && elapsed > 0 && bytes >= lastBytes) {
      const current = ((bytes - lastBytes) * 1000) / elapsed;
      speed = speed === 0 ? current : speed + SMOOTHING * (current - speed);
    }
    lastAt = now;
    lastBytes = bytes;
    const etaSeconds = speed > 0 ? Math.max(0, (total - bytes) / speed) : null;
    onProgress?.({ bytes, total, bytesPerSecond: Math.round(speed), etaSeconds });
  };

  return {
    update(bytes: number): void {
      if (!onProgress) return;
      const now = clock.now();
      if (now - lastAt >= INTERVAL_MS || lastBytes < 0) emit(bytes, now);
    },
    /** The last word (done, or stopped): sent whatever the interval. */
    flush(bytes: number): void {
      if (onProgress && bytes !== lastBytes) emit(bytes, clock.now());
    },
  };
}
