/*
 * The scheduler is pure timing logic around an injected `poll` function, so a manual clock is the right
 * tool: real time would make these tests slow and their results depend on machine load. The real client
 * and emulator are exercised by the engine's tests, which drive this scheduler with real requests.
 */
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../test/support/manual-clock';
import { PollScheduler, type PollOutcome, type PollSchedulerOptions, type PollTarget } from './poll-scheduler';
import { maxInWindow } from '../../../test/support/polling-windows';
import { seededRandom } from '../../../test/support/seeded-random';

interface Call {
  target: PollTarget;
  at: number;
  signal: AbortSignal;
}

type Respond = (target: PollTarget, call: Call) => PollOutcome | Promise<PollOutcome>;

const START = 1_000_000;
const CONTINUE: PollOutcome = { kind: 'continue' };

function setup(options: Partial<Omit<PollSchedulerOptions, 'poll' | 'clock'>> & { respond?: Respond } = {}) {
  const { respond = () => CONTINUE, ...rest } = options;
  const clock = new ManualClock(START);
  const calls: Call[] = [];
  const scheduler = new PollScheduler({
    clock,
    random: seededRandom(42),
    ...rest,
    // Not async on purpose: a synchronous throw from `respond` must reach the scheduler as one.
    poll: (target, signal) => {
      const call = { target, at: clock.now(), signal };
      calls.push(call);
      return Promise.resolve(respond(target, call));
    },
  });
  const timesOf = (filter: (call: Call) => boolean) => calls.filter(filter).map((call) => call.at);
  return { clock, calls, scheduler, timesOf };
}

function addJobs(scheduler: PollScheduler, profileId: string, count: number, immediate = true): string[] {
  const ids = Array.from({ length: count }, (_, i) => `${profileId}-job-${i}`);
  for (const jobId of ids) scheduler.add({ jobId, profileId }, { immediate });
  return ids;
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((time, i) => time - (times[i] as number));
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PollScheduler', () => {
  it('drives 1,000 jobs in several profiles from a single timer', async () => {
    const { clock, scheduler, calls } = setup();
    addJobs(scheduler, 'a', 500);
    addJobs(scheduler, 'b', 300);
    addJobs(scheduler, 'c', 200);
    for (let second = 0; second < 120; second++) {
      await clock.advance(1_000);
      expect(clock.pendingTimers).toBeLessThanOrEqual(1);
    }
    expect(clock.peakTimers).toBe(1);
    expect(calls.length).toBeGreaterThan(1_500);
    expect(scheduler.stats()).toEqual({ polls: calls.length, inFlight: 0, scheduled: 1_000 });
  });

  it('backs off from about 1 s by the factor up to the 30 s cap', async () => {
    const { clock, scheduler, timesOf } = setup({ random: () => 0 });
    scheduler.add({ jobId: 'j', profileId: 'p' }, { immediate: true });
    await clock.advance(5 * 60_000);
    expect(gaps(timesOf(() => true)).slice(0, 12)).toEqual([
      1000, 1500, 2250, 3375, 5063, 7594, 11391, 17086, 25629, 30000, 30000, 30000,
    ]);
  });

  it('keeps jittered delays within their bounds and spreads jobs created together', async () => {
    const { clock, scheduler, timesOf } = setup({ budget: { requestsPerSecond: 1_000, burst: 1_000 } });
    addJobs(scheduler, 'p', 50);
    await clock.advance(10 * 60_000);
    const firstPolls = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const times = timesOf((call) => call.target.jobId === `p-job-${i}`);
      firstPolls.add(times[1] as number);
      for (const gap of gaps(times)) {
        expect(gap).toBeGreaterThanOrEqual(800);
        expect(gap).toBeLessThanOrEqual(30_000);
      }
      expect(gaps(times).slice(-3).every((gap) => gap >= 24_000)).toBe(true);
    }
    expect(firstPolls.size).toBeGreaterThan(40);
  });

  it('first polls a job added without `immediate` after about the initial delay, and adds each job once', async () => {
    const { clock, scheduler, calls } = setup();
    scheduler.add({ jobId: 'j', profileId: 'p' });
    scheduler.add({ jobId: 'j', profileId: 'p' }, { immediate: true });
    expect(scheduler.size).toBe(1);
    await clock.advance(799);
    expect(calls).toHaveLength(0);
    await clock.advance(201);
    expect(calls).toHaveLength(1);
  });

  it('never has two requests in flight for one job', async () => {
    const pending: Array<(outcome: PollOutcome) => void> = [];
    const { clock, scheduler, calls } = setup({
      respond: () => {
        const reply = deferred<PollOutcome>();
        pending.push(reply.resolve);
        return reply.promise;
      },
    });
    scheduler.add({ jobId: 'j', profileId: 'p' }, { immediate: true });
    await clock.advance(120_000);
    scheduler.add({ jobId: 'j', profileId: 'p' }, { immediate: true });
    await clock.advance(120_000);
    expect(calls).toHaveLength(1);
    expect(scheduler.inFlight).toBe(1);

    pending.shift()?.(CONTINUE);
    await clock.advance(1_000);
    expect(calls).toHaveLength(2);

    // Removed and re-added while its request is still out: the new one waits for the old one to settle.
    scheduler.remove('j');
    expect(calls[1]?.signal.aborted).toBe(true);
    scheduler.add({ jobId: 'j', profileId: 'p' }, { immediate: true });
    await clock.advance(60_000);
    expect(calls).toHaveLength(2);
    pending.shift()?.(CONTINUE);
    await clock.advance(0);
    expect(calls).toHaveLength(3);
    expect(scheduler.inFlight).toBe(1);
  });

  it.each([
    { burst: 1, limit: 5 },
    { burst: 3, limit: 7 },
  ])('keeps each profile within its budget with 1,000 jobs due at once (burst $burst)', async ({ burst, limit }) => {
    const { clock, scheduler, calls, timesOf } = setup({ budget: { requestsPerSecond: 5, burst } });
    const aIds = addJobs(scheduler, 'a', 600);
    addJobs(scheduler, 'b', 400);
    await clock.advance(120_000);
    for (const profileId of ['a', 'b']) {
      const times = timesOf((call) => call.target.profileId === profileId);
      expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(limit);
      expect(times.length).toBeGreaterThanOrEqual(590);
    }
    // Oldest due first: every job gets its first poll, in the order it became due, before any gets a second.
    const aCalls = calls.filter((call) => call.target.profileId === 'a').map((call) => call.target.jobId);
    expect(aCalls.slice(0, 600)).toEqual(aIds);
  });

  it('pauses only the rate-limited profile, for at least Retry-After', async () => {
    let limited = false;
    const { clock, scheduler, timesOf } = setup({
      respond: (target) => {
        if (target.profileId === 'a' && !limited) {
          limited = true;
          return { kind: 'rate-limited', retryAfterMs: 10_000 };
        }
        return CONTINUE;
      },
    });
    addJobs(scheduler, 'a', 20);
    addJobs(scheduler, 'b', 20);
    await clock.advance(60_000);
    const aTimes = timesOf((call) => call.target.profileId === 'a');
    const limitedAt = aTimes[0] as number;
    expect(aTimes[1]).toBeGreaterThanOrEqual(limitedAt + 10_000);
    const bDuringPause = timesOf((c) => c.target.profileId === 'b' && c.at > limitedAt && c.at < limitedAt + 10_000);
    expect(bDuringPause.length).toBeGreaterThanOrEqual(45);
    expect(maxInWindow(aTimes, 1_000)).toBeLessThanOrEqual(5);
    expect(scheduler.size).toBe(40);
  });

  it('holds a profile on pauseProfile and treats a nonsensical duration as the initial delay', async () => {
    const { clock, scheduler, calls } = setup();
    scheduler.add({ jobId: 'j', profileId: 'p' }, { immediate: true });
    scheduler.pauseProfile('p', Number.NaN);
    await clock.advance(999);
    expect(calls).toHaveLength(0);
    await clock.advance(1);
    expect(calls).toHaveLength(1);
  });

  describe.each([
    { name: 'user pause', hold: (s: PollScheduler) => s.pause(), release: (s: PollScheduler) => s.resume() },
    {
      name: 'offline',
      hold: (s: PollScheduler) => s.setOnline(false),
      release: (s: PollScheduler) => s.setOnline(true),
    },
  ])('$name', ({ hold, release }) => {
    it('stops every poll and its timer, then resumes spread out rather than in a burst', async () => {
      const { clock, scheduler, calls } = setup({ budget: { requestsPerSecond: 1_000, burst: 1_000 } });
      addJobs(scheduler, 'p', 200);
      await clock.advance(500);
      expect(calls).toHaveLength(200);
      hold(scheduler);
      expect(clock.pendingTimers).toBe(0);
      await clock.advance(5 * 60_000);
      expect(calls).toHaveLength(200);

      const resumedAt = clock.now();
      release(scheduler);
      await clock.advance(1_500);
      const after = calls.filter((call) => call.at >= resumedAt);
      expect(new Set(after.map((call) => call.target.jobId)).size).toBe(200);
      expect(maxInWindow(after.map((call) => call.at), 100)).toBeLessThanOrEqual(40);
    });

    it('resumes within the request budget', async () => {
      const { clock, scheduler, timesOf } = setup();
      addJobs(scheduler, 'p', 300);
      await clock.advance(10_000);
      hold(scheduler);
      await clock.advance(10 * 60_000);
      const resumedAt = clock.now();
      release(scheduler);
      await clock.advance(30_000);
      const after = timesOf((call) => call.at >= resumedAt);
      expect(maxInWindow(after, 1_000)).toBeLessThanOrEqual(5);
      expect(after.length).toBeGreaterThanOrEqual(140);
    });
  });

  it('stays held while either the user pause or offline remains', async () => {
    const { clock, scheduler, calls } = setup();
    scheduler.add({ jobId: 'j', profileId: 'p' }, { immediate: true });
    scheduler.pause();
    scheduler.setOnline(false);
    scheduler.resume();
    await clock.advance(60_000);
    expect(calls).toHaveLength(0);
    scheduler.setOnline(true);
    await clock.advance(1_000);
    expect(calls).toHaveLength(1);
  });

  it('stop aborts the polls in flight, waits for them and clears the timer', async () => {
    const { clock, scheduler, calls } = setup({
      budget: { requestsPerSecond: 100, burst: 10 },
      respond: (_target, call) =>
        new Promise((_resolve, reject) => call.signal.addEventListener('abort', () => reject(call.signal.reason))),
      onError: () => expect.unreachable('an abort by stop is not an error'),
    });
    addJobs(scheduler, 'p', 20);
    await clock.advance(0);
    expect(scheduler.inFlight).toBe(10);
    await scheduler.stop();
    expect(calls.every((call) => call.signal.aborted)).toBe(true);
    expect(scheduler.inFlight).toBe(0);
    expect(scheduler.size).toBe(0);
    expect(clock.pendingTimers).toBe(0);

    scheduler.add({ jobId: 'late', profileId: 'p' }, { immediate: true });
    await clock.advance(60_000);
    expect(calls).toHaveLength(10);
  });

  it('reports what poll throws, synchronously or not, and retries with backoff', async () => {
    const onError = vi.fn(() => {
      throw new Error('a broken error handler must not stop polling');
    });
    const { clock, scheduler, timesOf } = setup({
      random: () => 0,
      onError,
      respond: (target) => {
        if (target.jobId === 'sync') throw new Error('boom');
        if (target.jobId === 'async') return Promise.reject(new Error('bang'));
        return { kind: 'no-such-outcome' } as unknown as PollOutcome;
      },
    });
    for (const jobId of ['sync', 'async', 'odd']) scheduler.add({ jobId, profileId: 'p' }, { immediate: true });
    await clock.advance(10_000);
    expect(onError).toHaveBeenCalledWith(new Error('boom'), { jobId: 'sync', profileId: 'p' });
    expect(onError).toHaveBeenCalledWith(new Error('bang'), { jobId: 'async', profileId: 'p' });
    expect(onError).toHaveBeenCalledWith(expect.any(TypeError), { jobId: 'odd', profileId: 'p' });
    for (const jobId of ['sync', 'async', 'odd']) {
      expect(gaps(timesOf((call) => call.target.jobId === jobId)).slice(0, 3)).toEqual([1000, 1500, 2250]);
    }
    expect(scheduler.size).toBe(3);
  });

  it('backs off on retryable errors and stops on done or a non-retryable error', async () => {
    const { clock, scheduler, timesOf } = setup({
      random: () => 0,
      respond: (target, call) => {
        const previous = timesOf((c) => c.target.jobId === target.jobId && c !== call).length;
        if (target.jobId === 'finishes') return previous === 1 ? { kind: 'done' } : CONTINUE;
        if (target.jobId === 'fatal') return { kind: 'error', retryable: false };
        return { kind: 'error', retryable: true };
      },
    });
    for (const jobId of ['finishes', 'fatal', 'flaky']) scheduler.add({ jobId, profileId: 'p' }, { immediate: true });
    await clock.advance(120_000);
    expect(timesOf((call) => call.target.jobId === 'finishes')).toHaveLength(2);
    expect(timesOf((call) => call.target.jobId === 'fatal')).toHaveLength(1);
    expect(gaps(timesOf((call) => call.target.jobId === 'flaky')).slice(0, 3)).toEqual([1000, 1500, 2250]);
    expect(scheduler.size).toBe(1);
    expect(scheduler.has('finishes')).toBe(false);
  });

  it('forgets a removed job and lets the timer go when nothing is left', async () => {
    const { clock, scheduler, calls } = setup();
    scheduler.add({ jobId: 'j', profileId: 'p' });
    expect(clock.pendingTimers).toBe(1);
    scheduler.remove('j');
    scheduler.remove('unknown');
    expect(scheduler.size).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(60_000);
    expect(calls).toHaveLength(0);
  });
});
