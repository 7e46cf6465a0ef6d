import type { DownloadProgress, JobView } from '../../../shared/domain';
import { formatBytes, formatEta, formatPercent, formatSpeed } from '../../lib/format';

/** Server progress while processing; bytes, speed and ETA while downloading; the size after. */
export function JobProgress({ job, progress }: { job: JobView; progress: DownloadProgress | undefined }) {
  if (job.server.status === 'PROCESSING') {
    return (
      <span className="meter" data-testid="job-server-progress">
        <progress max={1} value={job.server.progress} aria-label={`Server progress for ${job.id}`} />
        <span>Server {formatPercent(job.server.progress)}</span>
      </span>
    );
  }
  const { state } = job.download;
  if (state === 'downloading' || state === 'verifying') {
    const bytes = progress?.bytes ?? job.download.bytes;
    const total = progress?.total ?? job.download.total ?? job.server.file?.sizeBytes ?? null;
    return (
      <span className="meter" data-testid="job-download-progress">
        <progress max={total ?? undefined} value={total ? bytes : undefined} aria-label={`Download progress for ${job.id}`} />
        <span>
          {state === 'verifying'
            ? 'Checking sha256…'
            : `${formatBytes(bytes)}${total ? ` of ${formatBytes(total)}` : ''}${
                progress ? ` · ${formatSpeed(progress.bytesPerSecond)} · ${formatEta(progress.etaSeconds)}` : ''
              }`}
        </span>
      </span>
    );
  }
  const size = job.server.file?.sizeBytes;
  return <span className="meter">{size === undefined ? '—' : formatBytes(size)}</span>;
}
