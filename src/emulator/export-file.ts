/**
 * Writes an export's file: streamed to `<id>.tmp` while hashing, then renamed, so a reader never
 * sees a half-written file and memory stays flat whatever the size. Each chunk yields to the event
 * loop so the server keeps answering while gigabytes are generated.
 */
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { rm, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { fileChunks, type DatasetSpec } from './audit-data';

export interface WrittenFile {
  path: string;
  sizeBytes: number;
  sha256: string;
  rowCount: number;
}

export function finalPath(dataDir: string, id: string, format: string): string {
  return join(dataDir, `${id}.${format}`);
}

export async function writeExportFile(
  dataDir: string,
  id: string,
  spec: DatasetSpec,
  onScanned: (scanned: number) => void,
  signal: AbortSignal,
): Promise<WrittenFile> {
  const tmp = join(dataDir, `${id}.tmp`);
  const path = finalPath(dataDir, id, spec.format);
  const hash = createHash('sha256');
  const stats = { rowCount: 0 };
  let sizeBytes = 0;
  async function* hashed(): AsyncGenerator<Buffer> {
    for (const buf of fileChunks(spec, stats, onScanned)) {
      hash.update(buf);
      sizeBytes += buf.length;
      yield buf;
      await setImmediate();
    }
  }
  try {
    await pipeline(
      Readable.from(hashed(), { objectMode: false, highWaterMark: 1 << 20 }),
      createWriteStream(tmp, { highWaterMark: 1 << 20 }),
      { signal },
    );
    await rename(tmp, path);
    return { path, sizeBytes, sha256: hash.digest('hex'), rowCount: stats.rowCount };
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Synchronous rewrite for the admin's replaceFile, which must take effect before it returns.
 * Written beside the file and renamed over it so an ongoing download keeps its open handle.
 */
export function rewriteExportFileSync(path: string, spec: DatasetSpec): Omit<WrittenFile, 'path'> {
  const tmp = `${path}.replace.tmp`;
  const fd = openSync(tmp, 'w');
  const hash = createHash('sha256');
  const stats = { rowCount: 0 };
  let sizeBytes = 0;
  try {
    for (const buf of fileChunks(spec, stats)) {
      hash.update(buf);
      sizeBytes += buf.length;
      for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
  return { sizeBytes, sha256: hash.digest('hex'), rowCount: stats.rowCount };
}
