/** Where an interrupted download stands, so the job registry can resume it later. */
export interface PartState {
  partPath: string;
  bytes: number;
  etag: string | null;
}

export type DownloadErrorCode =
  | 'link_expired'
  | 'link_invalid'
  | 'export_expired'
  | 'http_error'
  | 'download_failed'
  | 'integrity_failed'
  | 'disk_full'
  | 'permission_denied'
  | 'folder_missing'
  | 'disk_error'
  | 'cancelled'
  | 'path_outside_folder';

/**
 * A failed download, said in one line for the user. `state` is what is on disk now: the registry
 * stores it and passes it back as `resume` once the cause is fixed.
 */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';

  constructor(
    readonly code: DownloadErrorCode,
    message: string,
    readonly state: PartState | null = null,
    /** Where data that failed verification was put aside (never under the final name). */
    readonly keptAs: string | null = null,
  ) {
    super(message);
  }
}

export type ManifestErrorCode = 'manifest_missing' | 'manifest_invalid' | 'file_missing' | 'manifest_exists';

export class ManifestError extends Error {
  override readonly name = 'ManifestError';

  constructor(
    readonly code: ManifestErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** A file-system failure said in the user's words, with the partial file's state for a later resume. */
export function diskError(err: unknown, dir: string, state: PartState | null): DownloadError {
  const code = errnoCode(err);
  const kept = state && state.bytes > 0 ? ` (the ${state.bytes} bytes already fetched are kept)` : '';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DownloadError('disk_full', `The disk holding ${dir} is full; free disk space there and retry the download${kept}.`, state);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DownloadError('permission_denied', `Cannot write to ${dir}; allow writing there or choose another folder, then retry the download${kept}.`, state);
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new DownloadError('folder_missing', `The download folder ${dir} is missing; recreate it or choose another folder, then retry the download.`, state);
  }
  return new DownloadError('disk_error', `Writing to ${dir} failed (${code ?? 'unknown error'}); check the disk, then retry the download${kept}.`, state);
}
