import type { Clock } from '../../src/core/clock';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

/**
 * A Clock whose time moves only when a test says so, for pure scheduling logic (backoff, budgets, expiry)
 * where waiting for real time would make tests slow and flaky. Code doing real I/O is tested in real time.
 */
export class ManualClock implements Clock {
  private current: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();
  /** Most timers ever pending at once. */
  peakTimers = 0;

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.timers.set(id, { at: this.current + delay, seq: id, fn });
    this.peakTimers = Math.max(this.peakTimers, this.timers.size);
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers set and not yet fired or cleared. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /**
   * Moves time forward by `ms`, firing due timers in time order (ties in the order they were set) with
   * the clock showing each timer's own time, and letting promise callbacks run after each one.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    for (let timer = this.earliest(); timer && timer.at <= target; timer = this.earliest()) {
      this.timers.delete(timer.seq);
      this.current = Math.max(this.current, timer.at);
      timer.fn();
      await settle();
    }
    this.current = target;
  }

  /** Lets pending promise callbacks run without moving time. */
  async flush(): Promise<void> {
    await settle();
  }

  private earliest(): Timer | undefined {
    let earliest: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (!earliest || timer.at < earliest.at || (timer.at === earliest.at && timer.seq < earliest.seq)) earliest = timer;
    }
    return earliest;
  }
}

/** setImmediate runs after the whole microtask queue has drained, including microtasks queued by microtasks. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
