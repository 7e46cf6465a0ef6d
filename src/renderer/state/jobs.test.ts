import { describe, expect, it } from 'vitest';
import type { CreateExportInput } from '../../shared/domain';
import { answer, errResult, makeJob, okResult } from '../testing/fixtures';
import { createJobsStore, type JobsApi } from './jobs';

function fakeApi(overrides: Partial<JobsApi> = {}): JobsApi {
  return {
    listJobs: answer<'listJobs'>(okResult([])),
    createExport: answer<'createExport'>(errResult('not_set')),
    retryDownload: answer<'retryDownload'>(errResult('not_set')),
    rerunExport: answer<'rerunExport'>(errResult('not_set')),
    openFile: answer<'openFile'>(okResult(null)),
    showInFolder: answer<'showInFolder'>(okResult(null)),
    ...overrides,
  };
}

const input: CreateExportInput = {
  profileId: 'p1',
  type: 'AUDIT_LOGS',
  format: 'csv',
  filters: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
};

describe('jobs slice', () => {
  it('loads the list and reports a failed load in words', async () => {
    const store = createJobsStore(fakeApi({ listJobs: answer<'listJobs'>(okResult([makeJob({ id: 'a' }), makeJob({ id: 'b' })])) }));
    await store.getState().load();
    expect([...store.getState().byId.keys()]).toEqual(['a', 'b']);
    expect(store.getState().loaded).toBe(true);

    const failing = createJobsStore(fakeApi({ listJobs: answer<'listJobs'>(errResult('ipc_unavailable', 'Restart the app.')) }));
    await failing.getState().load();
    expect(failing.getState().loadError).toEqual({ code: 'ipc_unavailable', message: 'Restart the app.' });
  });

  it('keeps an event that overtook the list it belongs to', async () => {
    const older = makeJob({ id: 'a', updatedAt: '2026-03-01T12:00:00Z' });
    const newer = makeJob({ id: 'a', updatedAt: '2026-03-01T12:00:05Z', server: { status: 'COMPLETE', progress: 1 } });
    const store = createJobsStore(fakeApi({ listJobs: answer<'listJobs'>(okResult([older])) }));
    store.getState().applyJobs([newer]);
    await store.getState().load();
    expect(store.getState().byId.get('a')?.server.status).toBe('COMPLETE');
  });

  it('drops jobs the list no longer has, such as those of a removed profile', async () => {
    const store = createJobsStore(fakeApi({ listJobs: answer<'listJobs'>(okResult([makeJob({ id: 'b' })])) }));
    store.getState().applyJobs([makeJob({ id: 'a' })]);
    await store.getState().load();
    expect([...store.getState().byId.keys()]).toEqual(['b']);
  });

  it('drops download progress once the job stops downloading', () => {
    const store = createJobsStore(fakeApi());
    store.getState().applyJobs([makeJob({ id: 'a', download: { state: 'downloading' } })]);
    store.getState().applyProgress([{ jobId: 'a', bytes: 10, total: 100, bytesPerSecond: 5, etaSeconds: 18 }]);
    expect(store.getState().progress.a?.bytes).toBe(10);
    store.getState().applyJobs([makeJob({ id: 'a', updatedAt: '2026-03-01T12:01:00Z', download: { state: 'done' } })]);
    expect(store.getState().progress.a).toBeUndefined();
  });

  it('sends one create while one is pending, and adds the created job', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls: unknown[] = [];
    const job = makeJob({ id: 'new' });
    const store = createJobsStore(
      fakeApi({
        createExport: async (args) => {
          calls.push(args);
          await gate;
          return okResult({ job, replayed: false, duplicateOf: null });
        },
      }),
    );
    const first = store.getState().create(input, 'r1');
    const second = await store.getState().create(input, 'r1');
    expect(second).toMatchObject({ ok: false, error: { code: 'busy' } });
    release();
    expect((await first).ok).toBe(true);
    expect(calls).toEqual([{ requestId: 'r1', input }]);
    expect(store.getState().byId.get('new')).toBe(job);
    expect(store.getState().creating).toBe(false);
  });

  it('tracks one action per job and keeps its error for the details pane', async () => {
    const rerun = answer<'rerunExport'>(errResult('processor_disabled', 'Enable the processor, then re-run.'));
    const store = createJobsStore(fakeApi({ rerunExport: rerun }));
    const pending = store.getState().rerun('a', 'r2');
    expect(store.getState().pending.a).toBe('rerun');
    await pending;
    expect(store.getState().pending.a).toBeUndefined();
    expect(store.getState().actionErrors.a?.code).toBe('processor_disabled');
    expect(rerun.calls).toEqual([{ jobId: 'a', requestId: 'r2' }]);

    await store.getState().openFile('a');
    expect(store.getState().actionErrors.a).toBeUndefined();
  });

  it('adds the new job a re-run created', async () => {
    const created = makeJob({ id: 'exp_2', rerunOf: 'exp_1' });
    const store = createJobsStore(fakeApi({ rerunExport: answer<'rerunExport'>(okResult(created)) }));
    await store.getState().rerun('exp_1', 'r3');
    expect(store.getState().byId.get('exp_2')).toBe(created);
  });
});
