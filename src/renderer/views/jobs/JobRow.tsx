import { memo } from 'react';
import type { DownloadProgress, JobView, Profile } from '../../../shared/domain';
import { needsAttention } from '../../../shared/ipc';
import { ProfileBadge } from '../../components/ProfileBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatLocalTime } from '../../lib/format';
import { displayStatus } from '../../state/jobQuery';
import { JobProgress } from './JobProgress';

interface JobRowProps {
  job: JobView;
  profile: Profile | null;
  progress: DownloadProgress | undefined;
  selected: boolean;
  now: number;
  onSelect(jobId: string): void;
}

export const JobRow = memo(function JobRow({ job, profile, progress, selected, now, onSelect }: JobRowProps) {
  const status = displayStatus(job);
  const attention = needsAttention(job, now);
  return (
    <button
      type="button"
      className={attention ? 'job-row attention' : 'job-row'}
      aria-current={selected ? 'true' : undefined}
      data-testid="job-row"
      data-job-id={job.id}
      data-status={status}
      onClick={() => onSelect(job.id)}
    >
      <span>
        <StatusBadge status={status} />
      </span>
      <span className="job-name">
        <span className="job-label">{job.label ?? <span className="muted">No label</span>}</span>
        <span className="mono muted">{job.id}</span>
      </span>
      <span className="muted">{job.server.format.toUpperCase()}</span>
      <span className="job-profile">
        <ProfileBadge profile={profile} />
      </span>
      <span className="muted">{formatLocalTime(job.server.createdAt)}</span>
      <JobProgress job={job} progress={progress} />
    </button>
  );
});
