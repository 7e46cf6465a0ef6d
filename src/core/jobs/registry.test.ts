import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../shared/domain';
import { UserError } from '../errors';
import { createMemoryJobStore, type JobStore } from './job-store';
import { JobRegistry } from './registry';
import { ManualClock } from '../../../test/support/manual-clock';
import { completed, makeExport } from './test-support';

const FLUSH_MS = 1_000;

function setup(store = createMemoryJobStore()) {
  const clock = new ManualClock(Date.parse('2026-03-10T00:00:00Z'));
  const registry = new JobRegistry({ store, clock, progressFlushMs: FLUSH_MS });
  return { store, clock, registry };
}

describe('JobRegistry records', () => {
  it('records a created export with its request id and saves it at once', () => {
    const { registry, store } = setup();
    const server = makeExport();

    const job = registry.recordCreated({ profileId: 'p1', label: '  Matter 42 ', server, requestId: 'req_create' });

    expect(job).toMatchObject({
      id: server.id,
      profileId: 'p1',
      label: 'Matter 42',
      server,
      requestIds: { create: 'req_create', completingGet: null },
      download: { state: 'idle', bytes: 0, partPath: null, attempts: 0 },
      rerunOf: null,
      rerunBy: null,
      updatedAt: '2026-03-10T00:00:00.000Z',
    });
    expect(store.writes).toBe(1);
    expect(store.load()).toEqual([job]);
  });

  it('hands out frozen records, so changes must go through the registry', () => {
    const { registry } = setup();
    const job = registry.recordCreated({ profileId: 'p1', server: makeExport(), requestId: null });
    expect(() => {
      (job.download as { bytes: number }).bytes = 5;
    }).toThrow(TypeError);
  });

  it('does not duplicate a job when a create is replayed', () => {
    const { registry } = setup();
    const server = makeExport();
    registry.recordCreated({ profileId: 'p1', server, requestId: 'req_1' });
    registry.recordCreated({ profileId: 'p1', server: { ...server, progress: 0.5 }, requestId: 'req_2' });

    expect(registry.list()).toHaveLength(1);
    expect(registry.get(server.id)?.requestIds.create).toBe('req_1');
    expect(registry.get(server.id)?.server.progress).toBe(0.5);
  });

  it('keeps the request id of the get that saw the export complete', () => {
    const { registry, store } = setup();
    const server = makeExport();
    registry.recordCreated({ profileId: 'p1', server, requestId: 'req_create' });

    registry.applyServerUpdate(server.id, { ...server, progress: 0.5 }, 'req_poll_1');
    const done = registry.applyServerUpdate(server.id, completed(server), 'req_poll_2');
    registry.applyServerUpdate(server.id, { ...completed(server), downloadUrl: null }, 'req_poll_3');

    expect(done.requestIds).toEqual({ create: 'req_create', completingGet: 'req_poll_2' });
    expect(registry.get(server.id)?.requestIds.completingGet).toBe('req_poll_2');
    expect(store.load()[0]?.requestIds.completingGet).toBe('req_poll_2');
  });

  it('refuses an update for an unknown job with a clear error', () => {
    const { registry } = setup();
    expect(() => registry.updateDownload('exp_missing', { state: 'queued' })).toThrow(UserError);
    expect(() => registry.updateDownload('exp_missing', { state: 'queued' })).toThrow(/No export with id "exp_missing"/);
  });

  it('links a re-run to the export it replaces and retires the old download', () => {
    const { registry } = setup();
    const old = registry.recordCreated({ profileId: 'p1', server: completed(makeExport()), requestId: null });
    registry.updateDownload(old.id, { state: 'link_expired', partPath: '/d/a.csv.part', bytes: 10 });
    const rerun = registry.recordCreated({ profileId: 'p1', server: makeExport(), requestId: null });

    registry.linkRerun(old.id, rerun.id);

    expect(registry.get(old.id)).toMatchObject({ rerunBy: rerun.id, download: { state: 'rerun', partPath: '/d/a.csv.part' } });
    expect(registry.get(rerun.id)?.rerunOf).toBe(old.id);
  });

  it('tells listeners about every change, until they unsubscribe', () => {
    const { registry } = setup();
    const seen: JobRecord[] = [];
    const off = registry.on('changed', (job) => seen.push(job));
    const server = makeExport();

    registry.recordCreated({ profileId: 'p1', server, requestId: null });
    registry.applyServerUpdate(server.id, { ...server }, 'req_same');
    registry.applyServerUpdate(server.id, { ...server, progress: 0.3 }, 'req_x');
    off();
    registry.updateDownload(server.id, { state: 'queued' });

    expect(seen.map((j) => j.server.progress)).toEqual([0, 0.3]);
  });
});

describe('JobRegistry saving', () => {
  it('batches progress of a thousand jobs into one write per interval', async () => {
    const { registry, store, clock } = setup();
    const servers = Array.from({ length: 1000 }, () => makeExport());
    for (const server of servers) registry.recordCreated({ profileId: 'p1', server, requestId: null });
    const afterCreate = store.writes;

    for (let round = 1; round <= 5; round++) {
      for (const server of servers) registry.applyServerUpdate(server.id, { ...server, progress: round / 10 }, null);
    }
    expect(store.writes).toBe(afterCreate);

    await clock.advance(FLUSH_MS);
    expect(store.writes).toBe(afterCreate + 1);
    expect(store.load().every((job) => job.server.progress === 0.5)).toBe(true);

    // Steady progress is still saved every interval (a throttle, not a debounce that never fires).
    for (let tick = 1; tick <= 10; tick++) {
      registry.applyServerUpdate(servers[0]!.id, { ...servers[0]!, progress: 0.5 + tick / 100 }, null);
      await clock.advance(FLUSH_MS / 2);
    }
    expect(store.writes).toBe(afterCreate + 1 + 5);
  });

  it('saves status changes and download state changes at once, byte counts later', async () => {
    const { registry, store, clock } = setup();
    const server = makeExport();
    registry.recordCreated({ profileId: 'p1', server, requestId: null });

    registry.applyServerUpdate(server.id, completed(server), 'req_done');
    expect(store.writes).toBe(2);

    registry.updateDownload(server.id, { state: 'downloading', partPath: '/d/x.csv.part', etag: '"e1"', total: 1234 });
    expect(store.writes).toBe(3);

    for (let bytes = 100; bytes <= 1200; bytes += 100) registry.updateDownload(server.id, { bytes });
    expect(store.writes).toBe(3);
    expect(store.load()[0]?.download.bytes).toBe(0);

    registry.updateDownload(server.id, { state: 'verifying', bytes: 1234 });
    expect(store.writes).toBe(4);
    expect(store.load()[0]?.download).toMatchObject({ state: 'verifying', bytes: 1234, partPath: '/d/x.csv.part' });

    await clock.advance(FLUSH_MS);
    expect(store.writes).toBe(4);
  });

  it('writes pending progress on flush and close', () => {
    const { registry, store, clock } = setup();
    const server = makeExport();
    registry.recordCreated({ profileId: 'p1', server, requestId: null });
    registry.applyServerUpdate(server.id, { ...server, progress: 0.7 }, null);

    registry.close();

    expect(store.writes).toBe(2);
    expect(store.load()[0]?.server.progress).toBe(0.7);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reports a failed save, keeps the change and saves it on the next attempt', async () => {
    const inner = createMemoryJobStore();
    let failNext = true;
    const flaky: JobStore = {
      load: () => inner.load(),
      save: (jobs) => {
        if (failNext) {
          failNext = false;
          throw new UserError('job_store_write_failed', 'The job list could not be saved to /x/jobs.json (ENOSPC); free some disk space.');
        }
        inner.save(jobs);
      },
    };
    const { registry, clock } = setup(flaky as never);
    const errors: string[] = [];
    registry.on('persistError', (e) => errors.push(e.code));

    const job = registry.recordCreated({ profileId: 'p1', server: makeExport(), requestId: null });

    expect(errors).toEqual(['job_store_write_failed']);
    expect(registry.get(job.id)).toBeDefined();
    expect(inner.load()).toEqual([]);
    await clock.advance(FLUSH_MS);
    expect(inner.load()).toEqual([registry.get(job.id)]);
  });
});

describe('JobRegistry queries', () => {
  it('lists newest first and filters by profile, status and download state', () => {
    const { registry } = setup();
    const a = registry.recordCreated({ profileId: 'p1', server: makeExport(), requestId: null });
    const b = registry.recordCreated({ profileId: 'p2', server: completed(makeExport()), requestId: null });
    const c = registry.recordCreated({ profileId: 'p1', server: makeExport({ status: 'FAILED' }), requestId: null });
    registry.updateDownload(b.id, { state: 'queued' });

    expect(registry.list().map((j) => j.id)).toEqual([c.id, b.id, a.id]);
    expect(registry.list({ profileId: 'p1' }).map((j) => j.id)).toEqual([c.id, a.id]);
    expect(registry.list({ status: ['COMPLETE', 'FAILED'] }).map((j) => j.id)).toEqual([c.id, b.id]);
    expect(registry.list({ downloadState: 'queued' }).map((j) => j.id)).toEqual([b.id]);
    expect(registry.pendingPolls().map((j) => j.id)).toEqual([a.id]);
  });

  it('finds downloads to resume: complete jobs that were queued, transferring, verifying or interrupted', () => {
    const { registry } = setup();
    const ids = (['idle', 'queued', 'downloading', 'verifying', 'interrupted', 'done', 'integrity_failed', 'link_expired'] as const).map(
      (state) => {
        const job = registry.recordCreated({ profileId: 'p1', server: completed(makeExport()), requestId: null });
        registry.updateDownload(job.id, { state, partPath: state === 'queued' ? null : `/d/${state}.part` });
        return [state, job.id] as const;
      },
    );
    const processing = registry.recordCreated({ profileId: 'p1', server: makeExport(), requestId: null });
    registry.updateDownload(processing.id, { state: 'queued' });

    const resumable = new Set(registry.resumableDownloads().map((j) => j.id));
    expect(ids.filter(([, id]) => resumable.has(id)).map(([state]) => state)).toEqual(['queued', 'downloading', 'verifying', 'interrupted']);
  });

  it('finds an identical export, however its times and filter keys are written', async () => {
    const { registry, clock } = setup();
    const filters = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', actor: 'alice' };
    const existing = registry.recordCreated({ profileId: 'p1', server: makeExport({ filters }), requestId: null });
    registry.recordCreated({ profileId: 'p1', server: makeExport({ filters, status: 'FAILED' }), requestId: null });

    const same = { actor: 'alice', to: '2026-03-02T01:00:00+01:00', from: '2026-03-01T00:00:00.000Z' };
    expect(registry.findDuplicate('p1', 'AUDIT_LOGS', 'csv', same)?.id).toBe(existing.id);

    expect(registry.findDuplicate('p2', 'AUDIT_LOGS', 'csv', same)).toBeUndefined();
    expect(registry.findDuplicate('p1', 'AUDIT_LOGS', 'json', same)).toBeUndefined();
    expect(registry.findDuplicate('p1', 'AUDIT_LOGS', 'csv', { ...same, actor: 'bob' })).toBeUndefined();
    expect(registry.findDuplicate('p1', 'AUDIT_LOGS', 'csv', { from: same.from, to: same.to })).toBeUndefined();

    registry.applyServerUpdate(existing.id, { ...completed(existing.server), expiresAt: '2026-03-11T00:00:00Z' }, null);
    expect(registry.findDuplicate('p1', 'AUDIT_LOGS', 'csv', same)?.id).toBe(existing.id);
    await clock.advance(24 * 3600 * 1000);
    expect(registry.findDuplicate('p1', 'AUDIT_LOGS', 'csv', same)).toBeUndefined();
  });

  it('does not offer a superseded export as a duplicate', () => {
    const { registry } = setup();
    const old = registry.recordCreated({ profileId: 'p1', server: completed(makeExport()), requestId: null });
    const rerun = registry.recordCreated({ profileId: 'p1', server: makeExport(), requestId: null });
    registry.linkRerun(old.id, rerun.id);

    expect(registry.findDuplicate('p1', 'AUDIT_LOGS', 'csv', old.server.filters)?.id).toBe(rerun.id);
  });
});
