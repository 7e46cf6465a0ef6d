/**
 * Writes job records straight into jobs.json, as the app would have left them, for tests that need
 * thousands of jobs. Only settled states: nothing the engine would poll or download at start.
 */
import { openConfJobStore } from '../../src/core/jobs';
import { emptyDownloadState } from '../../src/shared/domain';
import type { JobRecord } from '../../src/shared/domain';

export function seededJobs(profileId: string, count: number, now = Date.now()): JobRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const created = new Date(now - (i + 1) * 60_000);
    const failed = i % 7 === 3;
    const downloaded = !failed && i % 3 !== 0;
    const id = `exp_seed${String(i).padStart(5, '0')}`;
    const from = new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString();
    const to = new Date(Date.UTC(2026, 0, 2 + (i % 300))).toISOString();
    const sha256 = i.toString(16).padStart(64, '0');
    return {
      id,
      profileId,
      label: i % 2 === 0 ? `Seeded audit ${i}` : null,
      server: {
        id,
        type: 'AUDIT_LOGS',
        format: (['csv', 'json', 'ndjson'] as const)[i % 3]!,
        filters: { from, to },
        status: failed ? 'FAILED' : 'COMPLETE',
        progress: failed ? 0.4 : 1,
        createdAt: created.toISOString(),
        completedAt: failed ? null : new Date(created.getTime() + 5_000).toISOString(),
        downloadUrl: null,
        // Long past: neither downloadable nor "expiring soon".
        downloadUrlExpiresAt: failed ? null : new Date(created.getTime() - 3_600_000).toISOString(),
        file: failed ? null : { name: `audit_${i}.csv`, sizeBytes: 1000 + i, sha256, contentType: 'text/csv', rowCount: 10 + i },
        error: failed ? { code: 'internal_error', message: 'The export worker stopped.' } : null,
        expiresAt: null,
      },
      requestIds: { create: `req_${i}`, completingGet: failed ? null : `req_${i}_done` },
      download: downloaded
        ? { ...emptyDownloadState(), state: 'done', bytes: 1000 + i, total: 1000 + i, sha256, downloadedAt: created.toISOString(), attempts: 1 }
        : emptyDownloadState(),
      rerunOf: null,
      rerunBy: null,
      updatedAt: created.toISOString(),
    } satisfies JobRecord;
  });
}

/** Adds the records to the jobs.json in `dataDir` (the app must not be running). */
export function seedJobs(dataDir: string, jobs: readonly JobRecord[]): void {
  const store = openConfJobStore({ cwd: dataDir });
  store.save([...store.load(), ...jobs]);
}
