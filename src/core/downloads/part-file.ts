import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, truncate, type FileHandle } from 'node:fs/promises';
import { DownloadError, errnoCode } from './errors';
import { hashFileInto, NO_FOLLOW } from './hash-file';

/** The bytes of a `.part` file and the sha256 of exactly those bytes. */
export interface PartProgress {
  hash: Hash;
  bytes: number;
}

export function emptyProgress(): PartProgress {
  return { hash: createHash('sha256'), bytes: 0 };
}

/**
 * What is already on disk: its size is the truth for the resume offset, and hashing it once now lets
 * the hash continue with the new bytes instead of re-reading the whole file at the end.
 * A file larger than the export cannot be a prefix of it and is emptied.
 */
export async function loadPart(partPath: string, maxBytes: number): Promise<PartProgress> {
  const stats = await lstatOrNull(partPath);
  if (!stats) return emptyProgress();
  if (!stats.isFile()) {
    throw new DownloadError('disk_error', `${partPath} is not a regular file; remove it, then retry the download.`);
  }
  if (stats.size > maxBytes) return emptyPart(partPath);
  const progress = emptyProgress();
  progress.bytes = await hashFileInto(partPath, progress.hash);
  return progress;
}

export async function emptyPart(partPath: string): Promise<PartProgress> {
  if (await lstatOrNull(partPath)) await truncate(partPath, 0);
  return emptyProgress();
}

/** O_NOFOLLOW: a `.part` that became a symlink must not redirect our writes outside the folder. */
export function openPart(partPath: string): Promise<FileHandle> {
  return open(partPath, constants.O_WRONLY | constants.O_CREAT | NO_FOLLOW, 0o666);
}

/** Opened for writing because Windows only flushes handles that may write. */
export async function flushToDisk(partPath: string): Promise<void> {
  const handle = await open(partPath, constants.O_RDWR | NO_FOLLOW);
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

export async function partSize(partPath: string): Promise<number> {
  return (await lstatOrNull(partPath))?.size ?? 0;
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw err;
  }
}
