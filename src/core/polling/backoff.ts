export interface BackoffOptions {
  /** Delay before the second poll of a job, in ms. */
  initialMs?: number;
  /** Upper bound of any delay, in ms; jitter never pushes a delay above it. */
  maxMs?: number;
  /** Growth per consecutive poll. */
  factor?: number;
  /** Fraction (0..1) of each delay that is randomised away, so jobs created together drift apart. */
  jitter?: number;
}

export type BackoffPolicy = Required<BackoffOptions>;

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, factor: 1.5, jitter: 0.2 };

export function backoffPolicy(options: BackoffOptions = {}): BackoffPolicy {
  const policy = { ...DEFAULT_BACKOFF, ...stripUndefined(options) };
  if (!(Number.isFinite(policy.initialMs) && policy.initialMs > 0)) {
    throw new RangeError(`backoff.initialMs must be a positive number of ms, got ${policy.initialMs}`);
  }
  if (!(Number.isFinite(policy.maxMs) && policy.maxMs >= policy.initialMs)) {
    throw new RangeError(`backoff.maxMs must be at least initialMs (${policy.initialMs}), got ${policy.maxMs}`);
  }
  if (!(Number.isFinite(policy.factor) && policy.factor >= 1)) {
    throw new RangeError(`backoff.factor must be 1 or more, got ${policy.factor}`);
  }
  if (!(policy.jitter >= 0 && policy.jitter <= 1)) {
    throw new RangeError(`backoff.jitter must be between 0 and 1, got ${policy.jitter}`);
  }
  return policy;
}

/**
 * Delay after the `attempt`-th consecutive poll (0-based): initialMs · factor^attempt, capped at maxMs,
 * then reduced by up to `jitter` of itself. Jitter only subtracts, so the cap is a hard ceiling.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  return Math.round(backoffBase(attempt, policy) * (1 - policy.jitter * unit(random())));
}

/** The un-jittered delay after the `attempt`-th consecutive poll. */
export function backoffBase(attempt: number, policy: BackoffPolicy): number {
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt));
}

/** Clamps a random source into [0, 1) so a misbehaving one cannot produce negative or oversized delays. */
export function unit(value: number): number {
  if (!(value > 0)) return 0;
  return value >= 1 ? 1 - Number.EPSILON : value;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
