import { describe, expect, it } from 'vitest';
import { parseLocalInput, presetRange, toUtcIso } from './datePresets';

// Expectations are built with local-time constructors, so they hold in whatever zone the tests run.
const NOW = new Date(2026, 2, 15, 10, 42, 31, 250);

describe('date presets', () => {
  it('ends rolling presets on the current whole minute', () => {
    expect(presetRange('last-24h', NOW)).toEqual({ from: new Date(2026, 2, 14, 10, 42), to: new Date(2026, 2, 15, 10, 42) });
    expect(presetRange('last-7d', NOW)).toEqual({ from: new Date(2026, 2, 8, 10, 42), to: new Date(2026, 2, 15, 10, 42) });
  });

  it('takes the previous calendar month from local midnight to local midnight, across a year end', () => {
    expect(presetRange('last-month', NOW)).toEqual({ from: new Date(2026, 1, 1), to: new Date(2026, 2, 1) });
    expect(presetRange('last-month', new Date(2026, 0, 10))).toEqual({ from: new Date(2025, 11, 1), to: new Date(2026, 0, 1) });
  });

  it('reads custom inputs as local time and sends UTC', () => {
    expect(parseLocalInput('2026-03-01T09:30')).toEqual(new Date(2026, 2, 1, 9, 30));
    expect(parseLocalInput('')).toBeNull();
    expect(parseLocalInput('yesterday')).toBeNull();
    expect(toUtcIso(new Date(Date.UTC(2026, 2, 1, 8, 30, 0, 999)))).toBe('2026-03-01T08:30:00Z');
  });
});
