/**
 * Test ids: job-search, job-filter-status, job-filter-type, job-filter-profile, job-sort, job-count,
 * job-list (the scroll box), job-row (one per rendered row, with data-job-id and data-status),
 * job-details (+ job-open-file, job-show-in-folder, job-retry-download, job-rerun, job-error).
 */
import { useMemo } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNow } from '../../lib/useNow';
import { queryJobs } from '../../state/jobQuery';
import { useJobs, useUi } from '../../state/StoresContext';
import { JobDetails } from './JobDetails';
import { JobList } from './JobList';
import { JobsToolbar } from './JobsToolbar';
import { NoMatch } from './NoMatch';
import './jobs.css';

export function JobsView() {
  const byId = useJobs((s) => s.byId);
  const loaded = useJobs((s) => s.loaded);
  const loadError = useJobs((s) => s.loadError);
  const query = useUi((s) => s.jobQuery);
  const selectedJobId = useUi((s) => s.selectedJobId);
  // The attention filter depends on the clock; a minute's resolution is plenty for it.
  const now = useNow(60_000);
  const jobs = useMemo(() => queryJobs(byId.values(), query, now), [byId, query, now]);
  const selected = selectedJobId ? byId.get(selectedJobId) : undefined;

  return (
    <div className="jobs-view">
      <section className="jobs-main" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="visually-hidden">
          Exports
        </h2>
        <JobsToolbar shown={jobs.length} total={byId.size} />
        {loadError && <ErrorMessage error={loadError} />}
        {loaded && byId.size === 0 && (
          <p className="empty" data-testid="jobs-empty">
            No exports yet. Use “New export” to create one.
          </p>
        )}
        {byId.size > 0 && jobs.length === 0 && <NoMatch />}
        {jobs.length > 0 && <JobList jobs={jobs} selectedJobId={selectedJobId} />}
      </section>
      {selected && <JobDetails job={selected} />}
    </div>
  );
}
