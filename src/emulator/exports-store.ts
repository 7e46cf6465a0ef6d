/** Export records, their wire view, idempotency keys and retention. */
import { rmSync } from 'node:fs';
import type { Export, ExportFilters, ExportFormat, ExportType } from '../shared/wire';
import { rfc3339 } from './clock';
import { ApiError, exportExpired, notFound } from './errors';
import type { JobErrorInput } from './types';

export interface StoredFile {
  name: string;
  path: string;
  sizeBytes: number;
  sha256: string;
  contentType: string;
  rowCount: number;
}

export interface ExportRecord {
  id: string;
  type: ExportType;
  format: ExportFormat;
  filters: ExportFilters;
  status: Export['status'];
  createdAt: number;
  /** Real-time ms when a processor slot picked it up; null while it waits. */
  startedAt: number | null;
  scanned: number;
  population: number;
  completedAt: number | null;
  file: StoredFile | null;
  /** Unix seconds after which the signed URL no longer starts a transfer. */
  urlExpires: number | null;
  downloadUrl: string | null;
  expiresAt: number | null;
  error: JobErrorInput | null;
  /** Set by failNextJobs: the job fails instead of completing. */
  doomed: JobErrorInput | null;
  corrupt: boolean;
  revision: number;
  deleted: boolean;
}

const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export function createExportsStore(now: () => number) {
  const records = new Map<string, ExportRecord>();
  const idempotency = new Map<string, { fingerprint: string; exportId: string; at: number }>();

  /** Deletes files past retention; they answer 410 from now on. */
  function sweep(): void {
    const t = now();
    for (const r of records.values()) {
      if (r.file && !r.deleted && r.expiresAt !== null && t >= r.expiresAt) {
        r.deleted = true;
        rmSync(r.file.path, { force: true });
      }
    }
  }

  function find(id: string): ExportRecord | undefined {
    sweep();
    return records.get(id);
  }

  /** The export as the API shows it, or the contract's 404/410. */
  function getLive(id: string): ExportRecord {
    const r = find(id);
    if (!r) throw notFound(`No export with id ${id}; check the id.`);
    if (r.deleted) throw exportExpired(id);
    return r;
  }

  return {
    add(r: ExportRecord): void {
      records.set(r.id, r);
    },
    find,
    getLive,
    sweep,
    all: (): ExportRecord[] => [...records.values()],

    /** A prior create with this key: the export when the body matches, 409 when it differs. */
    replay(scope: string, key: string, fingerprint: string): ExportRecord | null {
      const entry = idempotency.get(`${scope}\0${key}`);
      if (!entry || now() - entry.at >= IDEMPOTENCY_WINDOW_MS) return null;
      if (entry.fingerprint !== fingerprint) {
        throw new ApiError(409, 'idempotency_conflict', 'This Idempotency-Key was already used with a different request body; use a new key.');
      }
      return records.get(entry.exportId) ?? null;
    },
    remember(scope: string, key: string, fingerprint: string, exportId: string): void {
      idempotency.set(`${scope}\0${key}`, { fingerprint, exportId, at: now() });
    },
  };
}
export type ExportsStore = ReturnType<typeof createExportsStore>;

export function toWire(r: ExportRecord, progress: number, nowMs: number): Export {
  const urlLive = r.downloadUrl !== null && r.urlExpires !== null && nowMs < r.urlExpires * 1000;
  return {
    id: r.id,
    type: r.type,
    format: r.format,
    filters: r.filters,
    status: r.status,
    progress,
    createdAt: rfc3339(r.createdAt),
    completedAt: r.completedAt === null ? null : rfc3339(r.completedAt),
    downloadUrl: urlLive ? r.downloadUrl : null,
    downloadUrlExpiresAt: r.urlExpires === null ? null : rfc3339(r.urlExpires * 1000),
    file: r.file && {
      name: r.file.name,
      sizeBytes: r.file.sizeBytes,
      sha256: r.file.sha256,
      contentType: r.file.contentType,
      rowCount: r.file.rowCount,
    },
    error: r.error && { code: r.error.code, message: r.error.message },
    expiresAt: r.expiresAt === null ? null : rfc3339(r.expiresAt),
  };
}
