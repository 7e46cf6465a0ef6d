/**
 * The app as a whole, for the tray icon and the header: paused, online, how many exports are under
 * way, what needs attention. Recomputed at most once per `intervalMs` however many jobs change, and
 * once a minute regardless, because a link becomes "expiring soon" by the clock alone.
 */
import type { JobRecord } from '../../shared/domain';
import { countAttention, type AppStatus } from '../../shared/ipc';
import type { Clock } from '../../core/clock';

export interface AppStatusDeps {
  jobs: () => Iterable<JobRecord>;
  paused: () => boolean;
  /** Whether the last contact with a server succeeded. */
  online: () => boolean;
  clock: Clock;
  /** Told every time the status changes. */
  onChange: (status: AppStatus) => void;
  intervalMs?: number;
  tickMs?: number;
}

export interface AppStatusTracker {
  current(): AppStatus;
  /** Something changed: recompute soon. */
  schedule(): void;
  /** Recompute now (after a user action whose answer includes the status). */
  refresh(): AppStatus;
  stop(): void;
}

const IN_HAND = new Set(['queued', 'downloading', 'verifying']);

export function isWorking(job: JobRecord): boolean {
  return job.server.status === 'PROCESSING' || (job.server.status === 'COMPLETE' && IN_HAND.has(job.download.state));
}

export function createAppStatusTracker(deps: AppStatusDeps): AppStatusTracker {
  const intervalMs = deps.intervalMs ?? 250;
  const tickMs = deps.tickMs ?? 60_000;
  let timer: unknown = null;
  let ticker: unknown = null;
  let stopped = false;

  const compute = (): AppStatus => {
    const jobs = [...deps.jobs()];
    return {
      paused: deps.paused(),
      online: deps.online(),
      working: jobs.filter(isWorking).length,
      attention: countAttention(jobs, deps.clock.now()),
    };
  };
  let last = compute();

  const refresh = (): AppStatus => {
    const next = compute();
    if (JSON.stringify(next) !== JSON.stringify(last)) {
      last = next;
      deps.onChange(next);
    }
    return last;
  };

  const tick = () => {
    if (stopped) return;
    refresh();
    ticker = deps.clock.setTimeout(tick, tickMs);
  };
  ticker = deps.clock.setTimeout(tick, tickMs);

  return {
    current: () => last,
    refresh,
    schedule() {
      if (timer !== null || stopped) return;
      timer = deps.clock.setTimeout(() => {
        timer = null;
        refresh();
      }, intervalMs);
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
      if (ticker !== null) deps.clock.clearTimeout(ticker);
    },
  };
}
