/** Small measuring tools for the benchmark: wall time, peak RSS growth, CPU share. */
export function startRssSampler(intervalMs = 20): { stop(): number } {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak - baseline;
    },
  };
}

export function startCpuMeter(): { stop(): { cpuPercent: number; wallMs: number } } {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      const used = process.cpuUsage(cpu);
      const wallMs = performance.now() - t0;
      return { cpuPercent: ((used.user + used.system) / 1000 / wallMs) * 100, wallMs };
    },
  };
}

export const MiB = 1024 * 1024;

export function mibPerSecond(bytes: number, ms: number): number {
  return bytes / MiB / (ms / 1000);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
