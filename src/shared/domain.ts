/**
 * The product's own records, shared by the engine, the CLI, the IPC contract and the UI.
 * Schemas are the source; types are inferred from them so nothing is written twice.
 */
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_TYPES, type Export } from './wire';

export const exportTypeSchema = z.enum(EXPORT_TYPES);
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

const isoTime = z.iso.datetime({ offset: true });

export const exportFiltersSchema = z
  .object({ from: isoTime, to: isoTime })
  .catchall(z.string().max(200))
  .refine((f) => Date.parse(f.from) < Date.parse(f.to), { message: '`from` must be before `to`', path: ['to'] });

export const createExportInputSchema = z.object({
  profileId: z.string().min(1),
  type: exportTypeSchema,
  format: exportFormatSchema,
  filters: exportFiltersSchema,
  label: z.string().trim().max(120).optional(),
});
export type CreateExportInput = z.infer<typeof createExportInputSchema>;

export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(80),
  baseUrl: z.url({ protocol: /^https?$/ }),
  downloadDir: z.string().min(1),
  color: z.string().regex(/^#[0-9a-f]{6}$/i).optional(),
  /** The built-in Demo workspace backed by the local emulator. */
  demo: z.boolean().optional(),
});
export type Profile = z.infer<typeof profileSchema>;

/** What the UI and the CLI may know about a stored key: never the key itself. */
export interface KeyStatus {
  hasKey: boolean;
  hint: string | null;
}

export const DOWNLOAD_STATES = [
  'idle', // not started (auto-download off, or the job is not complete yet)
  'queued',
  'downloading',
  'verifying',
  'done', // verified and renamed to its final name
  'interrupted', // stopped with a partial kept; resumable
  'integrity_failed', // size or sha256 did not match; data kept out of the final name
  'link_expired', // the signed URL expired before the file was fetched
  'rerun', // superseded by a re-run export (see rerunBy)
] as const;
export type DownloadStateName = (typeof DOWNLOAD_STATES)[number];

export interface UserFacingError {
  code: string;
  /** One line that says what happened and what to do next. */
  message: string;
}

export interface DownloadState {
  state: DownloadStateName;
  bytes: number;
  total: number | null;
  partPath: string | null;
  etag: string | null;
  finalPath: string | null;
  manifestPath: string | null;
  sha256: string | null;
  downloadedAt: string | null;
  attempts: number;
  error: UserFacingError | null;
}

export function emptyDownloadState(): DownloadState {
  return {
    state: 'idle',
    bytes: 0,
    total: null,
    partPath: null,
    etag: null,
    finalPath: null,
    manifestPath: null,
    sha256: null,
    downloadedAt: null,
    attempts: 0,
    error: null,
  };
}

/** The durable local record of one export created by this app. */
export interface JobRecord {
  id: string;
  profileId: string;
  label: string | null;
  /** The latest server view of the export. */
  server: Export;
  requestIds: { create: string | null; completingGet: string | null };
  download: DownloadState;
  /** The export this one re-ran after its link expired, and the one that re-ran this. */
  rerunOf: string | null;
  rerunBy: string | null;
  updatedAt: string;
}

/** A job as the renderer sees it: the signed URL is a bearer credential and stays in main. */
export type JobView = Omit<JobRecord, 'server'> & { server: Omit<Export, 'downloadUrl'> };

export interface DownloadProgress {
  jobId: string;
  bytes: number;
  total: number | null;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export const settingsSchema = z.object({
  autoDownload: z.boolean(),
  rerunExpiredLinks: z.boolean(),
  notifications: z.boolean(),
  launchAtLogin: z.boolean(),
  startHidden: z.boolean(),
  fileNameTemplate: z.string().min(1).max(200),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_FILE_NAME_TEMPLATE = '{type}_{from}_{to}_{id}.{ext}';

export const DEFAULT_SETTINGS: Settings = {
  autoDownload: true,
  rerunExpiredLinks: true,
  notifications: true,
  launchAtLogin: false,
  startHidden: false,
  fileNameTemplate: DEFAULT_FILE_NAME_TEMPLATE,
};
