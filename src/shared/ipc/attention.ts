/**
 * What "needs attention" means, in one place: main counts it for the tray icon and the app-status
 * event, the renderer uses it to mark rows and filter the list.
 */
import type { DownloadStateName, JobView } from '../domain';
import type { Attention } from './schemas';

/** A link this close to expiry is worth interrupting the user for. */
export const LINK_EXPIRY_WARNING_MS = 10 * 60_000;

const SETTLED: ReadonlySet<DownloadStateName> = new Set(['done', 'rerun']);
const IN_HAND: ReadonlySet<DownloadStateName> = new Set(['queued', 'downloading', 'verifying']);

type AttentionJob = Pick<JobView, 'download'> & { server: Pick<JobView['server'], 'status' | 'downloadUrlExpiresAt'> };

/** Complete on the server, not downloaded, and nothing is fetching it right now. */
export function isAwaitingDownload(job: AttentionJob): boolean {
  return job.server.status === 'COMPLETE' && !SETTLED.has(job.download.state) && !IN_HAND.has(job.download.state);
}

/** Not downloaded yet and the signed link runs out within the warning window. */
export function isLinkExpiringSoon(job: AttentionJob, nowMs: number): boolean {
  if (job.server.status !== 'COMPLETE' || SETTLED.has(job.download.state)) return false;
  const expiresAt = job.server.downloadUrlExpiresAt ? Date.parse(job.server.downloadUrlExpiresAt) : Number.NaN;
  return expiresAt > nowMs && expiresAt - nowMs <= LINK_EXPIRY_WARNING_MS;
}

export function needsAttention(job: AttentionJob, nowMs: number): boolean {
  return isAwaitingDownload(job) || isLinkExpiringSoon(job, nowMs);
}

export function countAttention(jobs: Iterable<AttentionJob>, nowMs: number): Attention {
  let notDownloaded = 0;
  let expiringSoon = 0;
  for (const job of jobs) {
    if (isAwaitingDownload(job)) notDownloaded += 1;
    if (isLinkExpiringSoon(job, nowMs)) expiringSoon += 1;
  }
  return { notDownloaded, expiringSoon };
}
