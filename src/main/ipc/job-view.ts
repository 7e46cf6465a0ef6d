import type { JobRecord, JobView } from '../../shared/domain';

/** The signed download URL is a bearer credential: it stays in main. */
export function toJobView(job: JobRecord): JobView {
  const { downloadUrl: _signed, ...server } = job.server;
  return { ...job, server };
}
