import { describe, expect, it } from 'vitest';
import type { Processor } from '../../../shared/wire';
import { changeWarnings, checkDraft, draftOf } from './processorChange';

const current: Processor = { enabled: true, config: { maxConcurrentJobs: 3, retentionDays: 30 }, updatedAt: '2026-03-01T00:00:00Z' };
const none = { processing: 0, awaitingDownload: 0 };

describe('processor change', () => {
  it('sends only what changed and describes it', () => {
    const result = checkDraft(current, { ...draftOf(current), retentionDays: '7' });
    expect(result).toEqual({
      ok: true,
      patch: { config: { retentionDays: 7 } },
      changes: [{ field: 'retentionDays', label: 'Retention', from: '30 days', to: '7 days' }],
    });
    expect(checkDraft(current, draftOf(current))).toEqual({ ok: true, patch: {}, changes: [] });
  });

  it('names the bounds when a value is out of range or not a whole number', () => {
    expect(checkDraft(current, { ...draftOf(current), maxConcurrentJobs: '11', retentionDays: '2.5' })).toEqual({
      ok: false,
      errors: { maxConcurrentJobs: 'Max concurrent jobs is at most 10.', retentionDays: 'Retention must be a whole number.' },
    });
    expect(checkDraft(current, { ...draftOf(current), retentionDays: '0' })).toMatchObject({
      errors: { retentionDays: 'Retention is at least 1 day.' },
    });
  });

  it('warns when disabling or shortening retention while exports are pending, and only then', () => {
    const pending = { processing: 2, awaitingDownload: 1 };
    expect(changeWarnings(current, { enabled: false }, pending)[0]).toContain('2 exports of this workspace are still processing');
    expect(changeWarnings(current, { config: { retentionDays: 7 } }, pending)[0]).toContain('3 exports of this workspace are not downloaded yet');
    expect(changeWarnings(current, { enabled: false, config: { retentionDays: 7 } }, none)).toEqual([]);
    expect(changeWarnings(current, { config: { retentionDays: 60 } }, pending)).toEqual([]);
  });
});
