import { InvalidArgumentError } from 'commander';
import { z } from 'zod';

const rfc3339 = z.iso.datetime({ offset: true });

/** Commander argument parsers: a bad value is a one-line usage error (exit 2). */
export function parseTime(value: string): string {
  if (!rfc3339.safeParse(value).success) {
    throw new InvalidArgumentError('must be an RFC 3339 time with a zone, e.g. 2026-03-01T00:00:00Z.');
  }
  return value;
}

export function collectFilter(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const match = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/s.exec(value);
  if (!match) throw new InvalidArgumentError('must look like key=value, e.g. actor=alice@example.com.');
  const [, key, filterValue] = match as unknown as [string, string, string];
  if (key === 'from' || key === 'to') throw new InvalidArgumentError(`use --${key} for the time range.`);
  if (key in previous) throw new InvalidArgumentError(`${key} is given twice.`);
  return { ...previous, [key]: filterValue };
}

/** Whole numbers only: `--max-concurrent-jobs 2.5` or `10x` is refused, not truncated. */
export function parseWholeNumber(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number.');
  return Number(value);
}

export function parseBoolean(value: string): boolean {
  const normalised = value.trim().toLowerCase();
  if (normalised === 'true') return true;
  if (normalised === 'false') return false;
  throw new InvalidArgumentError('must be true or false.');
}

export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0)) throw new InvalidArgumentError('must be a positive number of seconds.');
  return seconds;
}
