import type { ExportFilters } from '../../shared/wire';

/** Two filter sets select the same rows: same keys, the same instants for from/to, same other values. */
export function sameFilters(a: ExportFilters, b: ExportFilters): boolean {
  const keysA = Object.keys(a).sort();
  const keysB = Object.keys(b).sort();
  if (keysA.length !== keysB.length || keysA.some((key, i) => key !== keysB[i])) return false;
  return keysA.every((key) => (key === 'from' || key === 'to' ? sameInstant(a[key], b[key]) : a[key] === b[key]));
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  const ta = Date.parse(a ?? '');
  return !Number.isNaN(ta) && ta === Date.parse(b ?? '');
}
