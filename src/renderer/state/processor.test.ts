import { describe, expect, it } from 'vitest';
import type { Processor } from '../../shared/wire';
import { answer, errResult, okResult } from '../testing/fixtures';
import { createProcessorStore } from './processor';

const processor: Processor = { enabled: true, config: { maxConcurrentJobs: 3, retentionDays: 30 }, updatedAt: '2026-03-01T00:00:00Z' };

describe('processor slice', () => {
  it('loads per profile and keeps a read failure apart from the data', async () => {
    const store = createProcessorStore({
      getProcessor: answer<'getProcessor'>(errResult('insufficient_scope', 'This key cannot manage exports.')),
      updateProcessor: answer<'updateProcessor'>(okResult(processor)),
    });
    await store.getState().load('p1');
    expect(store.getState().byProfile.p1).toMatchObject({ processor: null, loading: false, loadError: { code: 'insufficient_scope' } });
  });

  it('saves a patch, then shows the server’s answer', async () => {
    const updated = { ...processor, enabled: false };
    const updateProcessor = answer<'updateProcessor'>(okResult(updated));
    const store = createProcessorStore({ getProcessor: answer<'getProcessor'>(okResult(processor)), updateProcessor });
    await store.getState().load('p1');
    await store.getState().save('p1', { enabled: false });
    expect(updateProcessor.calls).toEqual([{ profileId: 'p1', patch: { enabled: false } }]);
    expect(store.getState().byProfile.p1?.processor).toEqual(updated);
  });

  it('keeps the previous processor and the server error when a save fails', async () => {
    const store = createProcessorStore({
      getProcessor: answer<'getProcessor'>(okResult(processor)),
      updateProcessor: answer<'updateProcessor'>(errResult('validation_error', 'Retention is at most 365 days.')),
    });
    await store.getState().load('p1');
    const result = await store.getState().save('p1', { config: { retentionDays: 400 } });
    expect(result.ok).toBe(false);
    expect(store.getState().byProfile.p1).toMatchObject({ processor, saving: false, saveError: { code: 'validation_error' } });
    store.getState().clearSaveError('p1');
    expect(store.getState().byProfile.p1?.saveError).toBeNull();
  });
});
