import type { Export } from '../../shared/wire';
import { isPlatformXEError } from '../platformxe';
import type { PollOutcome } from '../polling';

/** How long to hold a profile after a 429 that named no Retry-After. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 5_000;

export function outcomeOf(server: Export): PollOutcome {
  return server.status === 'PROCESSING' ? { kind: 'continue' } : { kind: 'done' };
}

/**
 * A failed status request, in the scheduler's terms: 404 and 410 end polling for good, 429 holds
 * the whole profile, and anything else is retried only when PlatformXE says it may pass.
 */
export function outcomeOfError(error: unknown): PollOutcome {
  if (!isPlatformXEError(error)) return { kind: 'error', retryable: true };
  if (error.status === 404 || error.status === 410) return { kind: 'done' };
  if (error.status === 429) return { kind: 'rate-limited', retryAfterMs: error.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS };
  return { kind: 'error', retryable: error.retryable };
}
