/** Verified downloads: resumable streaming into `.part`, sha256 check, no-overwrite placement, custody manifests. */
export { downloadVerified, type DownloadOptions, type DownloadResult } from './downloader';
export { DownloadError, ManifestError, type DownloadErrorCode, type ManifestErrorCode, type PartState } from './errors';
export { MAX_NAME_BYTES, numberedName, resolveInsideFolder, sanitizeFileName } from './file-names';
export { hashWholeFile } from './hash-file';
// undici-get is left out: Electron loads this index and downloads through net.fetch.
export { httpGetFromFetch, type HttpGet, type HttpGetInit, type HttpGetResponse } from './http-get';
export {
  MANIFEST_SUFFIX,
  custodyManifestSchema,
  manifestPathFor,
  readManifest,
  verifyAgainstManifest,
  writeManifest,
  type CustodyManifest,
  type ManifestInput,
  type VerifyResult,
} from './manifest';
export { placeNoOverwrite, type PlaceOptions } from './place-file';
export type { ProgressReport } from './progress';
export { QueueCancelledError, createDownloadQueue, type DownloadQueue, type QueueTask } from './queue';
