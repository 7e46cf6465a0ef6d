/** `2026-03-01T00:00:00.000Z` -> `20260301T000000Z`: sortable and safe in a file name on every OS. */
export function compactTimestamp(time: Date | string): string {
  const date = typeof time === 'string' ? new Date(time) : time;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll('-', '').replaceAll(':', '');
}
