import type { Clock } from '../clock';
import { backoffBase, backoffDelay, backoffPolicy, unit, type BackoffOptions, type BackoffPolicy } from './backoff';
import { IndexedHeap } from './indexed-heap';
import { budgetPolicy, RequestBudget, type BudgetOptions, type BudgetPolicy } from './request-budget';

export interface PollTarget {
  jobId: string;
  profileId: string;
}

export type PollOutcome =
  /** Still PROCESSING: back off and poll again. */
  | { kind: 'continue' }
  /** COMPLETE, FAILED, 404 or 410: stop polling this job. */
  | { kind: 'done' }
  /** 429: pause the whole profile for at least `retryAfterMs`. */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** Network or 5xx: back off (retryable) or stop polling this job (not retryable). */
  | { kind: 'error'; retryable: boolean };

export interface PollSchedulerOptions {
  clock: Clock;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  /** One status request for one job; it should give up when `signal` aborts. */
  poll: (target: PollTarget, signal: AbortSignal) => Promise<PollOutcome>;
  backoff?: BackoffOptions;
  /** Request budget of each profile. */
  budget?: BudgetOptions;
  /** Receives whatever `poll` threw; the job is then retried with backoff. */
  onError?: (err: unknown, target: PollTarget) => void;
}

export interface PollStats {
  /** Polls started since construction. */
  polls: number;
  inFlight: number;
  /** Jobs waiting for their next poll. */
  scheduled: number;
}

interface Job {
  readonly target: Readonly<PollTarget>;
  /** Consecutive polls so far; drives the backoff. */
  attempt: number;
  dueAt: number;
  /** Enqueue order: among jobs due at the same time, the one queued first goes first. */
  seq: number;
}

/** Jobs of one profile share its request budget and its 429 pause. */
interface Lane {
  readonly queue: IndexedHeap<Job>;
  readonly budget: RequestBudget;
  pausedUntil: number;
  /** When this lane can next start a poll: its first job is due, the pause is over and the budget allows. */
  readyAt: number;
}

interface Flight {
  readonly job: Job;
  readonly controller: AbortController;
  readonly settled: Promise<void>;
}

type Settlement = { outcome: PollOutcome } | { thrown: unknown };

/**
 * Polls every PROCESSING job through one timer: jobs wait in a due-queue per profile, profiles wait in a
 * queue ordered by when they can next poll, and the single timer is armed for the earliest of those.
 * Every operation is O(log n) in the number of jobs, so 1,000 jobs cost no more than a few timer wake-ups
 * per second per profile.
 */
export class PollScheduler {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly poll: PollSchedulerOptions['poll'];
  private readonly onError: NonNullable<PollSchedulerOptions['onError']>;
  private readonly backoff: BackoffPolicy;
  private readonly budget: BudgetPolicy;

  private readonly jobs = new Map<string, Job>();
  private readonly lanes = new Map<string, Lane>();
  private readonly ready = new IndexedHeap<Lane>((a, b) => a.readyAt < b.readyAt);
  private readonly flights = new Map<string, Flight>();

  private timer: unknown;
  private timerAt = Number.NaN;
  private seq = 0;
  private pollCount = 0;
  private userPaused = false;
  private online = true;
  private stopped = false;

  constructor(options: PollSchedulerOptions) {
    this.clock = options.clock;
    this.random = options.random ?? Math.random;
    this.poll = options.poll;
    this.onError = options.onError ?? (() => {});
    this.backoff = backoffPolicy(options.backoff);
    this.budget = budgetPolicy(options.budget);
  }

  get size(): number {
    return this.jobs.size;
  }

  get inFlight(): number {
    return this.flights.size;
  }

  stats(): PollStats {
    let scheduled = 0;
    for (const lane of this.lanes.values()) scheduled += lane.queue.size;
    return { polls: this.pollCount, inFlight: this.flights.size, scheduled };
  }

  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  /** Starts polling a job: at once with `immediate`, else after the initial backoff. A known job is left as is. */
  add(target: PollTarget, opts: { immediate?: boolean } = {}): void {
    if (this.stopped || this.jobs.has(target.jobId)) return;
    const now = this.clock.now();
    const job: Job = {
      target: Object.freeze({ jobId: target.jobId, profileId: target.profileId }),
      attempt: opts.immediate ? 0 : 1,
      dueAt: opts.immediate ? now : now + backoffDelay(0, this.backoff, this.random),
      seq: 0,
    };
    this.jobs.set(target.jobId, job);
    // A poll of an earlier incarnation of this job may still be running (removed, aborted, not yet settled):
    // the new one is queued when that settles, so a job never has two requests in flight.
    if (!this.flights.has(target.jobId)) this.enqueue(job);
    this.arm();
  }

  /** Stops polling a job and aborts its request if one is in flight. */
  remove(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    this.jobs.delete(jobId);
    this.dequeue(job);
    const flight = this.flights.get(jobId);
    if (flight?.job === job) flight.controller.abort();
    this.arm();
  }

  pause(): void {
    this.transition(() => (this.userPaused = true));
  }

  resume(): void {
    this.transition(() => (this.userPaused = false));
  }

  setOnline(online: boolean): void {
    this.transition(() => (this.online = online));
  }

  /** Holds every poll of one profile for at least `ms` (a 429's Retry-After). */
  pauseProfile(profileId: string, ms: number): void {
    if (this.stopped) return;
    const lane = this.lane(profileId);
    const holdMs = Number.isFinite(ms) && ms > 0 ? ms : this.backoff.initialMs;
    lane.pausedUntil = Math.max(lane.pausedUntil, this.clock.now() + holdMs);
    this.refresh(lane);
    this.arm();
  }

  /** Forgets every job, aborts the polls in flight and resolves once they have all settled. */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.disarm();
      for (const flight of this.flights.values()) flight.controller.abort();
      this.jobs.clear();
      this.lanes.clear();
      this.ready.clear();
    }
    await Promise.allSettled([...this.flights.values()].map((flight) => flight.settled));
  }

  private get active(): boolean {
    return !this.stopped && !this.userPaused && this.online;
  }

  private transition(change: () => void): void {
    const wasActive = this.active;
    change();
    if (wasActive === this.active) return;
    if (this.active) this.spreadOverdue();
    this.arm();
  }

  /**
   * After a pause every job is overdue; firing them all at once is the burst the server must not see.
   * Each overdue job gets a random due time within its own backoff delay, on top of the request budget.
   */
  private spreadOverdue(): void {
    const now = this.clock.now();
    for (const lane of this.lanes.values()) {
      lane.queue.rekeyAll((job) => {
        if (job.dueAt < now) job.dueAt = now + Math.floor(unit(this.random()) * backoffBase(job.attempt, this.backoff));
      });
      this.refresh(lane);
    }
  }

  private lane(profileId: string): Lane {
    let lane = this.lanes.get(profileId);
    if (!lane) {
      lane = {
        queue: new IndexedHeap<Job>((a, b) => a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq)),
        budget: new RequestBudget(this.budget),
        pausedUntil: -Infinity,
        readyAt: Infinity,
      };
      this.lanes.set(profileId, lane);
    }
    return lane;
  }

  private enqueue(job: Job): void {
    const lane = this.lane(job.target.profileId);
    job.seq = this.seq++;
    lane.queue.push(job);
    this.refresh(lane);
  }

  private dequeue(job: Job): void {
    const lane = this.lanes.get(job.target.profileId);
    if (lane?.queue.remove(job)) this.refresh(lane);
  }

  private refresh(lane: Lane): void {
    const head = lane.queue.peek();
    if (!head) {
      this.ready.remove(lane);
      return;
    }
    lane.readyAt = Math.max(head.dueAt, lane.pausedUntil, lane.budget.nextAvailableAt());
    this.ready.update(lane);
  }

  /** Keeps the one timer pointed at the earliest moment any profile can poll, or off when none can. */
  private arm(): void {
    const next = this.active ? this.ready.peek() : undefined;
    if (!next) return this.disarm();
    if (this.timer !== undefined && this.timerAt === next.readyAt) return;
    this.disarm();
    this.timerAt = next.readyAt;
    this.timer = this.clock.setTimeout(() => this.wake(), Math.max(0, Math.ceil(next.readyAt - this.clock.now())));
  }

  private disarm(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.NaN;
  }

  private wake(): void {
    this.timer = undefined;
    this.timerAt = Number.NaN;
    const now = this.clock.now();
    for (let lane = this.ready.peek(); lane && lane.readyAt <= now && this.active; lane = this.ready.peek()) {
      const job = lane.queue.pop() as Job;
      lane.budget.take(now);
      this.launch(job);
      this.refresh(lane);
    }
    this.arm();
  }

  private launch(job: Job): void {
    const controller = new AbortController();
    this.pollCount++;
    const settled = this.run(job, controller.signal).then((result) => this.settle(job, result));
    this.flights.set(job.target.jobId, { job, controller, settled });
  }

  private async run(job: Job, signal: AbortSignal): Promise<Settlement> {
    // Yield first, so the host's code never runs inside the scheduler's own loop.
    await Promise.resolve();
    try {
      return { outcome: await this.poll(job.target, signal) };
    } catch (thrown) {
      return { thrown };
    }
  }

  private settle(job: Job, result: Settlement): void {
    const { jobId, profileId } = job.target;
    this.flights.delete(jobId);
    if (this.stopped) return;
    const outcome = 'outcome' in result ? result.outcome : undefined;
    // A 429 speaks for the whole profile, even when its job was removed meanwhile.
    if (outcome?.kind === 'rate-limited') this.pauseProfile(profileId, outcome.retryAfterMs);
    const current = this.jobs.get(jobId);
    if (current !== job) {
      if (current) this.enqueue(current);
    } else if ('thrown' in result) {
      this.report(result.thrown, job.target);
      this.backOff(job);
    } else {
      this.apply(job, outcome);
    }
    this.arm();
  }

  private apply(job: Job, outcome: PollOutcome | undefined): void {
    switch (outcome?.kind) {
      case 'continue':
        return this.backOff(job);
      case 'done':
        this.jobs.delete(job.target.jobId);
        return;
      case 'rate-limited':
        job.dueAt = this.lane(job.target.profileId).pausedUntil;
        return this.enqueue(job);
      case 'error':
        if (outcome.retryable) return this.backOff(job);
        this.jobs.delete(job.target.jobId);
        return;
      default:
        this.report(new TypeError(`poll returned an unknown outcome: ${JSON.stringify(outcome)}`), job.target);
        return this.backOff(job);
    }
  }

  private backOff(job: Job): void {
    job.dueAt = this.clock.now() + backoffDelay(job.attempt, this.backoff, this.random);
    job.attempt++;
    this.enqueue(job);
  }

  private report(err: unknown, target: PollTarget): void {
    try {
      this.onError(err, target);
    } catch {
      // The host's error handler failing must not stop polling.
    }
  }
}
