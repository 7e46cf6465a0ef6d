export interface BudgetOptions {
  /** Sustained polls per second allowed for one profile. */
  requestsPerSecond: number;
  /** Polls that may go out back to back after an idle spell (bucket size). Default 1: no bursts at all. */
  burst?: number;
}

export type BudgetPolicy = Required<BudgetOptions>;

export const DEFAULT_BUDGET: BudgetPolicy = { requestsPerSecond: 5, burst: 1 };

export function budgetPolicy(options: BudgetOptions = DEFAULT_BUDGET): BudgetPolicy {
  const { requestsPerSecond } = options;
  const burst = options.burst ?? DEFAULT_BUDGET.burst;
  if (!(Number.isFinite(requestsPerSecond) && requestsPerSecond > 0)) {
    throw new RangeError(`budget.requestsPerSecond must be a positive number, got ${requestsPerSecond}`);
  }
  if (!(Number.isInteger(burst) && burst >= 1)) {
    throw new RangeError(`budget.burst must be a whole number of 1 or more, got ${burst}`);
  }
  return { requestsPerSecond, burst };
}

/**
 * A token bucket in its GCRA form (one timestamp instead of a token count), so "when is the next token?"
 * is a field read. Any window of one second holds at most `burst + requestsPerSecond - 1` requests.
 */
export class RequestBudget {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private theoreticalArrival = -Infinity;

  constructor(policy: BudgetPolicy) {
    this.intervalMs = 1_000 / policy.requestsPerSecond;
    this.toleranceMs = (policy.burst - 1) * this.intervalMs;
  }

  /** Earliest time at which `take` will succeed. */
  nextAvailableAt(): number {
    return this.theoreticalArrival - this.toleranceMs;
  }

  /** Spends one request at `now`; false (and nothing spent) if the budget has none left yet. */
  take(now: number): boolean {
    if (now < this.nextAvailableAt()) return false;
    this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + this.intervalMs;
    return true;
  }
}
