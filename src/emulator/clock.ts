/**
 * The emulator's own notion of "now": real time plus an offset that tests move forward, so URL
 * expiry, retention and idempotency windows can be reached without waiting.
 */
export interface EmulatorClock {
  now(): number;
  advance(ms: number): void;
}

export function createEmulatorClock(realNow: () => number = Date.now): EmulatorClock {
  let offset = 0;
  return {
    now: () => realNow() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceClock needs a non-negative number of milliseconds');
      offset += ms;
    },
  };
}

/** RFC 3339 UTC at whole seconds, the shape the contract shows (`2026-03-01T00:00:00Z`). */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Parses a strict RFC 3339 date-time (seconds and offset required); null when it is not one. */
export function parseRfc3339(value: string): number | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
