import type { DownloadProgress, JobRecord, Settings } from '../../shared/domain';
import type { Clock } from '../clock';
import { downloadVerified, writeManifest, type DownloadResult, type HttpGet } from '../downloads';
import { renderFileName, type JobRegistry } from '../jobs';
import type { ProfileService } from '../profiles';
import { judgeFailure, type DownloadEnd } from './download-failure';
import type { DownloadTuning, EngineNotice } from './types';

export interface DownloadJobDeps {
  registry: JobRegistry;
  profiles: ProfileService;
  httpGet: HttpGet;
  clock: Clock;
  settings: () => Settings;
  app: { name: string; version: string };
  tuning: DownloadTuning;
  progress: (p: DownloadProgress) => void;
  notify: (n: EngineNotice) => void;
}

const LINK_GONE = {
  code: 'link_expired',
  message: 'The download link has expired (PlatformXE no longer offers it); re-run the export to get a new link.',
} as const;

/**
 * One download of a COMPLETE job, start to finish: queued → downloading → verifying → done, with the
 * `.part` offset saved at each checkpoint and the custody manifest written beside the verified file.
 * Never throws: the outcome is in the registry and in the returned end.
 */
export async function runDownload(deps: DownloadJobDeps, jobId: string, dir: string, signal: AbortSignal): Promise<DownloadEnd> {
  const { registry } = deps;
  const job = registry.require(jobId);
  const { downloadUrl, file } = job.server;
  if (!file) return fail(deps, job, new Error('the export has no file description'));
  if (!downloadUrl) {
    registry.updateDownload(jobId, { state: 'link_expired', error: { ...LINK_GONE } });
    return 'link_expired';
  }
  let result: DownloadResult;
  try {
    const fileName = renderFileName(deps.settings().fileNameTemplate, job);
    registry.updateDownload(jobId, { state: 'downloading', total: file.sizeBytes, attempts: job.download.attempts + 1, error: null });
    const verifying = () => {
      if (registry.require(jobId).download.state === 'downloading') registry.updateDownload(jobId, { state: 'verifying' });
    };
    result = await downloadVerified({
      url: downloadUrl,
      dir,
      fileName,
      expected: { sizeBytes: file.sizeBytes, sha256: file.sha256 },
      resume: job.download.partPath ? { partPath: job.download.partPath, etag: job.download.etag } : null,
      httpGet: deps.httpGet,
      clock: deps.clock,
      signal,
      onProgress: (p) => {
        deps.progress({ jobId, ...p });
        registry.updateDownload(jobId, { bytes: p.bytes });
        if (p.bytes >= p.total) verifying();
      },
      onCheckpoint: (s) => registry.updateDownload(jobId, { partPath: s.partPath, bytes: s.bytes, etag: s.etag }),
      retry: deps.tuning.retry,
      stallTimeoutMs: deps.tuning.stallTimeoutMs,
    });
    verifying();
  } catch (error) {
    return fail(deps, registry.require(jobId), error);
  }
  await recordVerified(deps, jobId, result);
  return 'done';
}

async function recordVerified(deps: DownloadJobDeps, jobId: string, result: DownloadResult): Promise<void> {
  const { registry } = deps;
  const job = registry.require(jobId);
  const downloadedAt = new Date(deps.clock.now()).toISOString();
  const verified = {
    finalPath: result.finalPath,
    sha256: result.sha256,
    bytes: result.sizeBytes,
    total: result.sizeBytes,
    partPath: null,
    etag: null,
    downloadedAt,
  };
  try {
    const { manifestPath } = await writeManifest(result.finalPath, result, manifestInput(deps, job, downloadedAt));
    registry.updateDownload(jobId, { ...verified, state: 'done', manifestPath, error: null });
    deps.notify({ level: 'info', kind: 'download-verified', jobId, message: `${describe(job)} downloaded and verified: ${result.finalPath}` });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const message = `The file was verified and saved as ${result.finalPath}, but its manifest could not be written (${why}); check the folder, then download again for a manifest.`;
    registry.updateDownload(jobId, { ...verified, state: 'done', manifestPath: null, error: { code: 'manifest_failed', message } });
    deps.notify({ level: 'warning', kind: 'other', jobId, message: `${describe(job)}: ${message}` });
  }
}

function manifestInput(deps: DownloadJobDeps, job: JobRecord, downloadedAt: string) {
  const profile = deps.profiles.require(job.profileId);
  const { server } = job;
  return {
    exportId: job.id,
    rerunOf: job.rerunOf,
    type: server.type,
    format: server.format,
    filters: { ...server.filters },
    label: job.label,
    profile: { name: profile.name, baseUrl: profile.baseUrl },
    requestIds: { ...job.requestIds },
    createdAt: server.createdAt,
    completedAt: server.completedAt ?? downloadedAt,
    downloadedAt,
    app: { ...deps.app },
  };
}

function fail(deps: DownloadJobDeps, job: JobRecord, error: unknown): DownloadEnd {
  const verdict = judgeFailure(error, describe(job));
  deps.registry.updateDownload(job.id, verdict.patch);
  if (verdict.notice) deps.notify({ ...verdict.notice, jobId: job.id });
  return verdict.end;
}

/** How notices name a job: its label when it has one. */
export function describe(job: Pick<JobRecord, 'id' | 'label'>): string {
  return job.label ? `Export ${job.id} (${job.label})` : `Export ${job.id}`;
}
