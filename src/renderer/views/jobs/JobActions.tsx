import type { DownloadStateName, JobView } from '../../../shared/domain';
import { useJobs } from '../../state/StoresContext';
import { useRerun } from '../../state/useRerun';

const FETCHABLE: ReadonlySet<DownloadStateName> = new Set(['idle', 'interrupted', 'integrity_failed']);

export function JobActions({ job }: { job: JobView }) {
  const pending = useJobs((s) => s.pending[job.id]);
  const openFile = useJobs((s) => s.openFile);
  const showInFolder = useJobs((s) => s.showInFolder);
  const retryDownload = useJobs((s) => s.retryDownload);
  const rerun = useRerun();
  const downloaded = job.download.state === 'done' && job.download.finalPath !== null;
  const canFetch = job.server.status === 'COMPLETE' && FETCHABLE.has(job.download.state);
  const canRerun = job.server.status !== 'PROCESSING' && job.rerunBy === null;
  const busy = pending !== undefined;

  return (
    <div className="row job-actions" aria-busy={busy}>
      <button type="button" className="button primary" data-testid="job-open-file" disabled={!downloaded || busy} onClick={() => void openFile(job.id)}>
        Open file
      </button>
      <button type="button" className="button" data-testid="job-show-in-folder" disabled={!downloaded || busy} onClick={() => void showInFolder(job.id)}>
        Show in folder
      </button>
      <button type="button" className="button" data-testid="job-retry-download" disabled={!canFetch || busy} onClick={() => void retryDownload(job.id)}>
        {pending === 'retry-download' ? 'Starting…' : job.download.state === 'idle' ? 'Download' : 'Retry download'}
      </button>
      <button type="button" className="button" data-testid="job-rerun" disabled={!canRerun || busy} onClick={() => void rerun(job.id)}>
        {pending === 'rerun' ? 'Re-running…' : 'Re-run'}
      </button>
    </div>
  );
}
