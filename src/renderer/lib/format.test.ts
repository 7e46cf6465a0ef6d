import { describe, expect, it } from 'vitest';
import { formatBytes, formatEta, formatPercent, formatRelative, formatSpeed } from './format';

describe('format', () => {
  it('shows sizes the way file managers do', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatBytes(-1)).toBe('—');
    expect(formatSpeed(2 * 1024 * 1024)).toBe('2.0 MB/s');
  });

  it('shows an ETA in the largest sensible unit', () => {
    expect(formatEta(null)).toBe('—');
    expect(formatEta(0.2)).toBe('1 s left');
    expect(formatEta(125)).toBe('2 min left');
    expect(formatEta(3 * 3600 + 600)).toBe('3 h 10 min left');
  });

  it('clamps percentages and words relative times', () => {
    expect(formatPercent(1.2)).toBe('100%');
    expect(formatPercent(0.424)).toBe('42%');
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(formatRelative('2026-03-01T12:08:00Z', now)).toBe('in 8 minutes');
    expect(formatRelative(null, now)).toBe('—');
  });
});
