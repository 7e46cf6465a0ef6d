/** The jobs list's view of the data: one status word per job, filters, search and sort. Pure. */
import type { ExportType } from '../../shared/wire';
import type { JobView } from '../../shared/domain';
import { needsAttention } from '../../shared/ipc';

export const DISPLAY_STATUSES = [
  'processing',
  'failed',
  'ready', // complete, waiting to be downloaded
  'queued',
  'downloading',
  'verifying',
  'downloaded',
  'interrupted',
  'integrity_failed',
  'link_expired',
  'rerun',
] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  processing: 'Processing',
  failed: 'Failed',
  ready: 'Ready to download',
  queued: 'Queued',
  downloading: 'Downloading',
  verifying: 'Verifying',
  downloaded: 'Downloaded',
  interrupted: 'Interrupted',
  integrity_failed: 'Integrity check failed',
  link_expired: 'Link expired',
  rerun: 'Re-run',
};

export function displayStatus(job: JobView): DisplayStatus {
  if (job.server.status === 'PROCESSING') return 'processing';
  if (job.server.status === 'FAILED') return 'failed';
  switch (job.download.state) {
    case 'idle':
      return 'ready';
    case 'done':
      return 'downloaded';
    default:
      return job.download.state;
  }
}

export type StatusFilter = 'all' | 'attention' | DisplayStatus;

export const SORTS = {
  'created-desc': 'Newest first',
  'created-asc': 'Oldest first',
  'label-asc': 'Label A–Z',
  'status-asc': 'Status',
  'size-desc': 'Largest first',
} as const;
export type SortKey = keyof typeof SORTS;

export interface JobQuery {
  status: StatusFilter;
  type: 'all' | ExportType;
  profileId: 'all' | string;
  search: string;
  sort: SortKey;
}

export const DEFAULT_QUERY: JobQuery = { status: 'all', type: 'all', profileId: 'all', search: '', sort: 'created-desc' };

/** Sort keys computed once per job, not once per comparison: 10,000 jobs sort in a few ms. */
interface Keyed {
  job: JobView;
  created: number;
}

const byCreated = (a: Keyed, b: Keyed) => a.created - b.created || (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0);
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const statusRank = new Map(DISPLAY_STATUSES.map((status, index) => [status, index]));

const sorters: Record<SortKey, (items: Keyed[]) => Keyed[]> = {
  'created-desc': (items) => items.sort((a, b) => byCreated(b, a)),
  'created-asc': (items) => items.sort(byCreated),
  // Unlabelled jobs go last, ordered by their id.
  'label-asc': (items) =>
    items.sort(
      (a, b) =>
        (a.job.label === null ? 1 : 0) - (b.job.label === null ? 1 : 0) ||
        collator.compare(a.job.label ?? a.job.id, b.job.label ?? b.job.id),
    ),
  'status-asc': (items) => {
    const rank = new Map(items.map((item) => [item, statusRank.get(displayStatus(item.job)) ?? 0]));
    return items.sort((a, b) => rank.get(a)! - rank.get(b)! || byCreated(b, a));
  },
  'size-desc': (items) =>
    items.sort((a, b) => (b.job.server.file?.sizeBytes ?? -1) - (a.job.server.file?.sizeBytes ?? -1) || byCreated(b, a)),
};

function matches(job: JobView, query: JobQuery, needle: string, nowMs: number): boolean {
  if (query.type !== 'all' && job.server.type !== query.type) return false;
  if (query.profileId !== 'all' && job.profileId !== query.profileId) return false;
  if (query.status === 'attention' ? !needsAttention(job, nowMs) : query.status !== 'all' && displayStatus(job) !== query.status)
    return false;
  if (!needle) return true;
  return job.id.toLowerCase().includes(needle) || (job.label?.toLowerCase().includes(needle) ?? false);
}

export function queryJobs(jobs: Iterable<JobView>, query: JobQuery, nowMs: number): JobView[] {
  const needle = query.search.trim().toLowerCase();
  const kept: Keyed[] = [];
  for (const job of jobs) if (matches(job, query, needle, nowMs)) kept.push({ job, created: Date.parse(job.server.createdAt) || 0 });
  return sorters[query.sort](kept).map((item) => item.job);
}
