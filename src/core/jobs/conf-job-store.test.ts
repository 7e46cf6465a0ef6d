import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStore } from './job-store';
import { openConfJobStore } from './conf-job-store';
import { JobRegistry } from './registry';
import { JOB_STORE_SCHEMA_VERSION, type JobRecordV1 } from './store-options';
import { emptyDownloadState } from '../../shared/domain';
import { ManualClock } from '../../../test/support/manual-clock';
import { completed, makeExport } from './test-support';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pxe-jobs-'));
  file = join(dir, 'jobs.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FIXED_NOW = () => new Date('2026-03-10T12:34:56.789Z');

function counting(store: JobStore): JobStore & { writes: number } {
  const counted = {
    writes: 0,
    load: () => store.load(),
    save: (jobs: Parameters<JobStore['save']>[0]) => {
      counted.writes++;
      store.save(jobs);
    },
  };
  return counted;
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('conf job store', () => {
  it('keeps jobs across a restart and resumes polls and downloads', () => {
    const first = new JobRegistry({ store: openConfJobStore({ cwd: dir }), clock: new ManualClock(Date.parse('2026-03-10T00:00:00Z')) });
    const polling = first.recordCreated({ profileId: 'p1', label: 'Matter 7', server: makeExport(), requestId: 'req_a' });
    const downloading = first.recordCreated({ profileId: 'p1', server: makeExport(), requestId: 'req_b' });
    first.applyServerUpdate(downloading.id, completed(downloading.server), 'req_c');
    first.updateDownload(downloading.id, { state: 'downloading', partPath: join(dir, 'x.csv.part'), etag: '"v1"', total: 1234 });
    first.updateDownload(downloading.id, { bytes: 600 });
    first.close();

    const store = openConfJobStore({ cwd: dir });
    const second = new JobRegistry({ store });

    expect(store.recovered).toBeNull();
    expect(second.list()).toEqual(first.list());
    expect(second.pendingPolls().map((j) => j.id)).toEqual([polling.id]);
    expect(second.resumableDownloads()).toEqual([
      expect.objectContaining({
        id: downloading.id,
        requestIds: { create: 'req_b', completingGet: 'req_c' },
        download: expect.objectContaining({ state: 'downloading', bytes: 600, etag: '"v1"' }),
      }),
    ]);
    second.close();
  });

  it('writes jobs.json with the schema version, and nothing for progress until the interval', async () => {
    const clock = new ManualClock(Date.parse('2026-03-10T00:00:00Z'));
    const store = counting(openConfJobStore({ cwd: dir }));
    const registry = new JobRegistry({ store, clock, progressFlushMs: 1_000 });
    const server = makeExport();
    registry.recordCreated({ profileId: 'p1', server, requestId: null });

    for (let i = 1; i <= 200; i++) registry.applyServerUpdate(server.id, { ...server, progress: i / 200 }, null);
    expect(store.writes).toBe(1);
    expect(((await readJson(file)).jobs as Record<string, { server: { progress: number } }>)[server.id]?.server.progress).toBe(0);

    await clock.advance(1_000);
    expect(store.writes).toBe(2);
    const saved = await readJson(file);
    expect((saved.jobs as Record<string, { server: { progress: number } }>)[server.id]?.server.progress).toBe(1);
    expect(saved.__internal__).toEqual({ migrations: { version: JOB_STORE_SCHEMA_VERSION } });
  });

  it('upgrades a file in the first (1.x) shape', async () => {
    const server = completed(makeExport());
    const v1: JobRecordV1 = {
      id: server.id,
      profileId: 'p1',
      label: 'Old matter',
      server,
      requestId: 'req_old_create',
      download: { state: 'interrupted', bytes: 10, partPath: '/d/old.csv.part' },
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    await writeFile(file, JSON.stringify({ jobs: [v1], __internal__: { migrations: { version: '1.0.0' } } }));

    const store = openConfJobStore({ cwd: dir });

    expect(store.recovered).toBeNull();
    expect(store.load()).toEqual([
      {
        id: server.id,
        profileId: 'p1',
        label: 'Old matter',
        server,
        requestIds: { create: 'req_old_create', completingGet: null },
        download: { ...emptyDownloadState(), state: 'interrupted', bytes: 10, partPath: '/d/old.csv.part' },
        rerunOf: null,
        rerunBy: null,
        updatedAt: '2026-03-01T00:00:00.000Z',
      },
    ]);
    const onDisk = await readJson(file);
    expect(Array.isArray(onDisk.jobs)).toBe(false);
    expect(onDisk.__internal__).toEqual({ migrations: { version: JOB_STORE_SCHEMA_VERSION } });
    expect(new JobRegistry({ store }).resumableDownloads().map((j) => j.id)).toEqual([server.id]);
  });

  it.each([
    ['a truncated file', (valid: string) => valid.slice(0, Math.floor(valid.length / 2)), 'it is not valid JSON'],
    ['an empty file', () => '', 'it is empty'],
    ['a record in the wrong shape', (valid: string) => valid.replace('"idle"', '"exploded"'), 'its records are not in the expected shape'],
    ['a file that is not a job list', () => '[1, 2, 3]', 'it does not hold a job list'],
  ])('moves %s aside, says so and starts a new list', async (_, damage, reason) => {
    const registry = new JobRegistry({ store: openConfJobStore({ cwd: dir }) });
    registry.recordCreated({ profileId: 'p1', server: makeExport(), requestId: null });
    registry.close();
    const damaged = damage(await readFile(file, 'utf8'));
    await writeFile(file, damaged);

    const store = openConfJobStore({ cwd: dir, now: FIXED_NOW });

    const kept = `${file}.corrupt-20260310T123456Z`;
    expect(store.recovered?.code).toBe('job_store_recovered');
    expect(store.recovered?.message).toBe(
      `The job list at ${file} could not be read (${reason}); it was kept as ${kept} and a new, empty list was started. Exports on the server are not affected.`,
    );
    expect(await readFile(kept, 'utf8')).toBe(damaged);
    expect(store.load()).toEqual([]);

    const fresh = new JobRegistry({ store });
    fresh.recordCreated({ profileId: 'p1', server: makeExport(), requestId: null });
    expect(openConfJobStore({ cwd: dir }).load()).toHaveLength(1);
  });

  it('does not overwrite an earlier damaged copy', async () => {
    await writeFile(file, '{"jobs": ');
    openConfJobStore({ cwd: dir, now: FIXED_NOW });
    await writeFile(file, '{"jobs": [');
    const store = openConfJobStore({ cwd: dir, now: FIXED_NOW });

    expect(store.recovered?.message).toContain('jobs.json.corrupt-20260310T123456Z-1');
    expect((await readdir(dir)).sort()).toEqual(['jobs.json', 'jobs.json.corrupt-20260310T123456Z', 'jobs.json.corrupt-20260310T123456Z-1']);
  });

  it('refuses, untouched, a file written by a newer version', async () => {
    const newer = JSON.stringify({ jobs: {}, __internal__: { migrations: { version: '99.0.0' } } });
    await writeFile(file, newer);

    expect(() => openConfJobStore({ cwd: dir })).toThrow(
      expect.objectContaining({ code: 'job_store_too_new', message: expect.stringMatching(/newer version .* update the app/) }),
    );
    expect(await readFile(file, 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual(['jobs.json']);
  });

  it('says what to do when the folder cannot be written', async () => {
    const store = openConfJobStore({ cwd: join(dir, 'gone') });
    await rm(join(dir, 'gone'), { recursive: true, force: true });
    await writeFile(join(dir, 'gone'), 'a file where the folder was');

    expect(() => store.save([])).toThrow(
      expect.objectContaining({ code: 'job_store_write_failed', message: expect.stringMatching(/could not be saved to .*free some disk space or fix/) }),
    );
  });
});

describe('conf job store and a crash', () => {
  const registryModule = fileURLToPath(new URL('./index.ts', import.meta.url));
  const writer = `
    const { JobRegistry, openConfJobStore } = await import(${JSON.stringify(registryModule)});
    const registry = new JobRegistry({ store: openConfJobStore({ cwd: process.argv[1] }) });
    for (let n = 1; ; n++) {
      const server = { id: 'exp_crash' + n, type: 'AUDIT_LOGS', format: 'csv', filters: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
        status: 'PROCESSING', progress: 0, createdAt: new Date(1e12 + n).toISOString(), completedAt: null, downloadUrl: null,
        downloadUrlExpiresAt: null, file: null, error: null, expiresAt: null };
      registry.recordCreated({ profileId: 'p1', label: 'x'.repeat(100), server, requestId: 'req_' + n });
      process.stdout.write(n + '\\n');
      await new Promise((resolve) => setImmediate(resolve));
    }`;

  /** Runs a writer that saves a job per turn and kills it with SIGKILL at an arbitrary moment. */
  function writeUntilKilled(cwd: string, killAfter: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer, cwd], { stdio: ['ignore', 'pipe', 'inherit'] });
      let confirmed = 0;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = chunk.trim().split('\n');
        confirmed = Math.max(confirmed, Number(lines[lines.length - 1]));
        if (confirmed >= killAfter) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('exit', () => resolve(confirmed));
    });
  }

  it('leaves a readable store holding every confirmed write, whenever the process dies', async () => {
    for (const killAfter of [5, 37, 120]) {
      const cwd = join(dir, `run-${killAfter}`);
      const confirmed = await writeUntilKilled(cwd, killAfter);

      const store = openConfJobStore({ cwd });

      expect(store.recovered).toBeNull();
      expect(store.load().length).toBeGreaterThanOrEqual(confirmed);
    }
  });
});
