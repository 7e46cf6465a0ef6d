/** Helpers for the job registry tests only. */
import type { Export } from '../../shared/wire';

let counter = 0;

export function makeExport(overrides: Partial<Export> = {}): Export {
  counter++;
  return {
    id: `exp_test${counter}`,
    type: 'AUDIT_LOGS',
    format: 'csv',
    filters: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
    status: 'PROCESSING',
    progress: 0,
    createdAt: new Date(Date.UTC(2026, 2, 10, 0, 0, counter)).toISOString(),
    completedAt: null,
    downloadUrl: null,
    downloadUrlExpiresAt: null,
    file: null,
    error: null,
    expiresAt: null,
    ...overrides,
  };
}

export function completed(server: Export, at = '2026-03-10T01:00:00Z'): Export {
  return {
    ...server,
    status: 'COMPLETE',
    progress: 1,
    completedAt: at,
    downloadUrl: `http://127.0.0.1:9/v1/files/${server.id}/audit.csv?expires=1&signature=ab`,
    downloadUrlExpiresAt: '2026-03-10T02:00:00Z',
    file: { name: 'audit.csv', sizeBytes: 1234, sha256: 'a'.repeat(64), contentType: 'text/csv', rowCount: 10 },
    expiresAt: '2026-04-10T01:00:00Z',
  };
}

