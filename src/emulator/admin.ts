/** The in-process admin: fault injection, clock control, job and file tampering, request log. */
import type { EmulatorClock } from './clock';
import { rewriteExportFileSync } from './export-file';
import type { ExportRecord, ExportsStore, StoredFile } from './exports-store';
import type { Faults } from './faults';
import type { ExportProcessor } from './processor';
import type { Recorder } from './recorder';
import type { EmulatorAdmin } from './types';

export interface AdminDeps {
  faults: Faults;
  processor: ExportProcessor;
  store: ExportsStore;
  clock: EmulatorClock;
  recorder: Recorder;
  rowsPerDay: number;
}

export function createAdmin(deps: AdminDeps): EmulatorAdmin {
  const { faults, processor, store, clock, recorder } = deps;

  function completed(id: string, action: string): ExportRecord & { file: StoredFile } {
    const r = store.find(id);
    if (!r) throw new Error(`${action}: no export ${id}`);
    if (!r.file || r.deleted) throw new Error(`${action}: export ${id} has no file (status ${r.status})`);
    return r as ExportRecord & { file: StoredFile };
  }

  return {
    failNext: (count, status) => faults.failNext(count, status),
    rateLimitStorm: (count, retryAfterSeconds) => faults.rateLimitStorm(count, retryAfterSeconds),
    resetNextConnections: (count) => faults.resetNextConnections(count),
    setLatency: (ms) => faults.setLatency(ms),
    cutDownloadsAfter: (bytes, count) => faults.cutDownloadsAfter(bytes, count),
    stallDownloadsAfter: (bytes, stallMs, count) => faults.stallDownloadsAfter(bytes, stallMs, count),
    failJob: (id, error) => processor.fail(id, error),
    failNextJobs: (count, error) => processor.failNextJobs(count, error),
    corruptFile(id) {
      completed(id, 'corruptFile').corrupt = true;
    },
    replaceFile(id) {
      const r = completed(id, 'replaceFile');
      r.revision++;
      const spec = { type: r.type, format: r.format, filters: r.filters, rowsPerDay: deps.rowsPerDay, revision: r.revision };
      Object.assign(r.file, rewriteExportFileSync(r.file.path, spec));
    },
    advanceClock(ms) {
      clock.advance(ms);
      store.sweep();
    },
    now: () => clock.now(),
    requests: () => recorder.list(),
    clearRequests: () => recorder.clear(),
    setProcessor: (p) => processor.update(p),
  };
}
