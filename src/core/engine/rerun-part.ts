import { rm, stat } from 'node:fs/promises';
import type { JobRecord } from '../../shared/domain';
import type { JobRegistry } from '../jobs';

/**
 * A re-run of a closed date range yields the same bytes. When its file has the sha256 of the job it
 * replaced, that job's `.part` is handed over, so the download resumes from its offset against the
 * new URL. The contract's ETag is the quoted sha256, which stands in when none was saved. A `.part`
 * of different bytes can never be resumed (its link is dead), so it is removed.
 */
export async function inheritPart(registry: JobRegistry, job: JobRecord): Promise<void> {
  if (!job.rerunOf || job.download.partPath || !job.server.file) return;
  const old = registry.get(job.rerunOf);
  const partPath = old?.download.partPath;
  if (!old || !partPath) return;
  const size = await stat(partPath).then(
    (s) => s.size,
    () => null,
  );
  const release = () => {
    registry.updateDownload(old.id, { partPath: null, bytes: 0, etag: null });
  };
  if (size === null) return release();
  const oldFile = old.server.file;
  if (!oldFile || oldFile.sha256 !== job.server.file.sha256 || oldFile.sizeBytes !== job.server.file.sizeBytes) {
    await rm(partPath, { force: true });
    return release();
  }
  registry.updateDownload(job.id, { partPath, bytes: size, etag: old.download.etag ?? `"${oldFile.sha256}"` });
  release();
}
