/**
 * Date ranges are chosen in the user's time zone and sent as UTC. Presets end on a whole minute so
 * the same choice made twice within a minute is the same export (and shows up as a duplicate).
 */
import { isValid, parseISO, startOfMinute, startOfMonth, subDays, subHours, subMonths } from 'date-fns';

export const RANGE_PRESETS = {
  'last-24h': 'Last 24 hours',
  'last-7d': 'Last 7 days',
  'last-month': 'Last calendar month',
  custom: 'Custom',
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

export interface DateRange {
  from: Date;
  to: Date;
}

export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: Date): DateRange {
  const end = startOfMinute(now);
  switch (preset) {
    case 'last-24h':
      return { from: subHours(end, 24), to: end };
    case 'last-7d':
      return { from: subDays(end, 7), to: end };
    case 'last-month':
      return { from: startOfMonth(subMonths(now, 1)), to: startOfMonth(now) };
  }
}

/** A `datetime-local` value ("2026-03-01T09:30") read as local time; null when empty or invalid. */
export function parseLocalInput(value: string): Date | null {
  if (!value) return null;
  const date = parseISO(value);
  return isValid(date) ? date : null;
}

/** RFC 3339 UTC without milliseconds, as the API's examples write it. */
export function toUtcIso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
