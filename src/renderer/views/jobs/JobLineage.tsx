import type { JobView } from '../../../shared/domain';
import { useUi } from '../../state/StoresContext';
import { DetailRow } from './DetailRow';

/** A link that expired is followed by a re-run export; either one leads to the other. */
export function JobLineage({ job }: { job: JobView }) {
  const selectJob = useUi((s) => s.selectJob);
  const link = (jobId: string, testId: string) => (
    <button type="button" className="button link mono" data-testid={testId} onClick={() => selectJob(jobId)}>
      {jobId}
    </button>
  );
  return (
    <>
      {job.rerunOf && <DetailRow term="Re-run of">{link(job.rerunOf, 'job-rerun-of')}</DetailRow>}
      {job.rerunBy && <DetailRow term="Re-run as">{link(job.rerunBy, 'job-rerun-by')}</DetailRow>}
    </>
  );
}
