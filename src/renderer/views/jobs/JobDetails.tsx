import type { JobView } from '../../../shared/domain';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProfileBadge } from '../../components/ProfileBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBytes, formatLocalTime, formatPercent, formatRelative } from '../../lib/format';
import { useNow } from '../../lib/useNow';
import { displayStatus } from '../../state/jobQuery';
import { useJobs, useProfiles, useUi } from '../../state/StoresContext';
import { DetailRow } from './DetailRow';
import { JobActions } from './JobActions';
import { JobLineage } from './JobLineage';

export function JobDetails({ job }: { job: JobView }) {
  const profile = useProfiles((s) => s.profiles.find((p) => p.id === job.profileId) ?? null);
  const actionError = useJobs((s) => s.actionErrors[job.id]);
  const selectJob = useUi((s) => s.selectJob);
  const now = useNow(15_000);
  const { server, download } = job;
  const { from, to, ...extraFilters } = server.filters;
  const error = actionError ?? download.error ?? server.error;

  return (
    <aside className="job-details" aria-labelledby="job-details-heading" data-testid="job-details" data-job-id={job.id}>
      <div className="job-details-head">
        <h2 id="job-details-heading">{job.label ?? job.id}</h2>
        <button type="button" className="button" aria-label="Close details" onClick={() => selectJob(null)}>
          ✕
        </button>
      </div>
      <StatusBadge status={displayStatus(job)} />
      {error && <ErrorMessage error={error} jobId={job.id} testId="job-error" />}
      <JobActions job={job} />

      <dl className="details-list">
        <DetailRow term="Export id" mono testId="job-id">
          {job.id}
        </DetailRow>
        <DetailRow term="Workspace">
          <ProfileBadge profile={profile} />
        </DetailRow>
        <DetailRow term="Type">{`${server.type} · ${server.format}`}</DetailRow>
        <DetailRow term="From">{formatLocalTime(from)}</DetailRow>
        <DetailRow term="To">{formatLocalTime(to)}</DetailRow>
        {Object.entries(extraFilters).map(([key, value]) => (
          <DetailRow key={key} term={`Filter: ${key}`}>
            {value}
          </DetailRow>
        ))}
        <DetailRow term="Created">{formatLocalTime(server.createdAt)}</DetailRow>
        {server.status === 'PROCESSING' && <DetailRow term="Server progress">{formatPercent(server.progress)}</DetailRow>}
        {server.completedAt && <DetailRow term="Completed">{formatLocalTime(server.completedAt)}</DetailRow>}
        {server.file && (
          <>
            <DetailRow term="File name" mono testId="job-file-name">
              {server.file.name}
            </DetailRow>
            <DetailRow term="Size" testId="job-size">
              {`${formatBytes(server.file.sizeBytes)} (${server.file.sizeBytes.toLocaleString()} bytes, ${server.file.rowCount.toLocaleString()} rows)`}
            </DetailRow>
            <DetailRow term="sha256" mono testId="job-sha256">
              {server.file.sha256}
            </DetailRow>
          </>
        )}
        {download.finalPath && (
          <DetailRow term="Saved to" mono testId="job-final-path">
            {download.finalPath}
          </DetailRow>
        )}
        {download.manifestPath && (
          <DetailRow term="Manifest" mono testId="job-manifest-path">
            {download.manifestPath}
          </DetailRow>
        )}
        {download.downloadedAt && <DetailRow term="Verified">{formatLocalTime(download.downloadedAt)}</DetailRow>}
        {server.downloadUrlExpiresAt && download.state !== 'done' && (
          <DetailRow term="Link expires">{formatRelative(server.downloadUrlExpiresAt, now)}</DetailRow>
        )}
        {server.expiresAt && <DetailRow term="Kept on server until">{formatLocalTime(server.expiresAt)}</DetailRow>}
        <DetailRow term="Create request id" mono testId="job-request-create">
          {job.requestIds.create ?? '—'}
        </DetailRow>
        {job.requestIds.completingGet && (
          <DetailRow term="Completing request id" mono testId="job-request-complete">
            {job.requestIds.completingGet}
          </DetailRow>
        )}
        {download.attempts > 0 && <DetailRow term="Download attempts">{String(download.attempts)}</DetailRow>}
        <JobLineage job={job} />
      </dl>
    </aside>
  );
}
