import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { JobRecord } from '../../shared/domain';
import type { ExportEngine } from '../../core/engine';
import type { CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatBytes, toView } from '../format';

/** Waits for an export to finish, showing its progress; a FAILED export ends the command with exit 4. */
export async function waitUntilFinished(ctx: CliContext, engine: ExportEngine, jobId: string, timeoutSeconds?: number): Promise<JobRecord> {
  const { out } = ctx;
  let last = '';
  out.status(`Waiting for ${jobId}…`);
  const stop = engine.on('job-changed', (job) => {
    const line = `${job.server.status} ${Math.round(job.server.progress * 100)}%`;
    if (line === last || job.server.status !== 'PROCESSING') return;
    last = line;
    out.status(`Waiting for ${job.id}: ${line}`);
    out.event('status', { jobId: job.id, status: job.server.status, progress: job.server.progress });
  });
  try {
    const job = await engine.waitFor(jobId, { signal: ctx.signal, timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000 });
    out.done();
    return finished(ctx, job);
  } finally {
    stop();
  }
}

function finished(ctx: CliContext, job: JobRecord): JobRecord {
  ctx.out.event('status', { jobId: job.id, status: job.server.status, progress: job.server.progress });
  if (job.server.status === 'FAILED') {
    const why = job.server.error ? `${job.server.error.message} (${job.server.error.code})` : 'no reason given';
    throw new CliExit(EXIT.exportFailed, `Export ${job.id} failed on the server: ${why}; re-run it or create a new export.`, 'export_failed');
  }
  const file = job.server.file;
  ctx.out.line(`Export ${job.id} is COMPLETE${file ? `: ${file.rowCount} rows, ${formatBytes(file.sizeBytes)}` : ''}.`);
  return job;
}

/**
 * Downloads a COMPLETE export into `dir` (created if missing) and checks the outcome. An expired
 * link is re-run by the engine; the re-run is followed and downloaded in its place.
 */
export async function downloadAndVerify(ctx: CliContext, engine: ExportEngine, job: JobRecord, dir?: string): Promise<JobRecord> {
  const { out } = ctx;
  if (dir) await mkdir(path.resolve(dir), { recursive: true });
  const stop = engine.on('download-progress', (p) => out.progress(p));
  try {
    let result = await engine.download(job.id, { dir });
    if (result.download.state === 'rerun' && result.rerunBy && !ctx.signal.aborted) {
      out.line(`The download link of ${job.id} had expired; it was re-run as ${result.rerunBy}, which downloads when ready.`);
      result = await waitUntilFinished(ctx, engine, job.id);
    }
    out.done();
    return verified(ctx, result);
  } finally {
    stop();
  }
}

function verified(ctx: CliContext, job: JobRecord): JobRecord {
  const { download } = job;
  if (ctx.signal.aborted) {
    const kept = download.partPath && download.bytes > 0 ? ` (${formatBytes(download.bytes)} kept in ${download.partPath})` : '';
    throw new CliExit(EXIT.interrupted, `Interrupted; the partial download is kept${kept}. Run \`pxe-exports download ${job.id}\` to resume.`, 'interrupted');
  }
  if (download.state !== 'done' || !download.finalPath) {
    const message = download.error?.message ?? `The download of ${job.id} ended as "${download.state}"; run \`pxe-exports download ${job.id}\` to try again.`;
    throw new CliExit(EXIT.downloadFailed, message, download.error?.code ?? 'download_failed');
  }
  ctx.out.line(`Saved    ${download.finalPath}`);
  if (download.manifestPath) ctx.out.line(`Manifest ${download.manifestPath}`);
  ctx.out.line(`Verified ${download.bytes} bytes, sha256 ${download.sha256}`);
  ctx.out.event('downloaded', { jobId: job.id, finalPath: download.finalPath, manifestPath: download.manifestPath, sha256: download.sha256, sizeBytes: download.bytes });
  if (download.error) throw new CliExit(EXIT.downloadFailed, download.error.message, download.error.code);
  return job;
}

export function emitResult(ctx: CliContext, job: JobRecord): void {
  ctx.out.event('result', { job: toView(job) });
}
