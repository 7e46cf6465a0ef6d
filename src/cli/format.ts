import type { JobRecord, JobView } from '../shared/domain';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** The job as printed: the signed URL is a bearer credential and stays out of output and logs. */
export function toView(job: JobRecord): JobView {
  const { downloadUrl: _url, ...server } = job.server;
  return { ...job, server };
}

export function describeRange(job: Pick<JobRecord, 'server'>): string {
  const { type, format, filters } = job.server;
  const extra = Object.entries(filters)
    .filter(([key]) => key !== 'from' && key !== 'to')
    .map(([key, value]) => ` ${key}=${value}`)
    .join('');
  return `${type} ${format} ${filters.from} → ${filters.to}${extra}`;
}

/** A few lines a person can read; `jobs` uses the one-line form. */
export function jobDetails(job: JobRecord): string[] {
  const { server, download } = job;
  const lines = [`${job.id}  ${server.status}${server.status === 'PROCESSING' ? ` ${Math.round(server.progress * 100)}%` : ''}  ${describeRange(job)}`];
  if (job.label) lines.push(`  label:     ${job.label}`);
  lines.push(`  created:   ${server.createdAt}${server.completedAt ? `, completed ${server.completedAt}` : ''}`);
  if (server.file) lines.push(`  file:      ${server.file.name}, ${formatBytes(server.file.sizeBytes)}, ${server.file.rowCount} rows, sha256 ${server.file.sha256}`);
  if (server.error) lines.push(`  error:     ${server.error.message} (${server.error.code})`);
  if (server.status === 'COMPLETE') {
    lines.push(`  link:      ${server.downloadUrl ? `valid until ${server.downloadUrlExpiresAt}` : 'expired'}`);
  }
  lines.push(`  download:  ${downloadSummary(job)}`);
  if (download.manifestPath) lines.push(`  manifest:  ${download.manifestPath}`);
  if (job.rerunOf) lines.push(`  re-run of: ${job.rerunOf}`);
  if (job.rerunBy) lines.push(`  re-run as: ${job.rerunBy}`);
  return lines;
}

export function downloadSummary(job: JobRecord): string {
  const { download } = job;
  switch (download.state) {
    case 'done':
      return `verified, ${download.finalPath}`;
    case 'idle':
      return download.error ? `not downloaded: ${download.error.message}` : 'not downloaded';
    case 'rerun':
      return `superseded by ${job.rerunBy ?? 'a re-run'}`;
    default: {
      const bytes = download.total ? ` (${formatBytes(download.bytes)} of ${formatBytes(download.total)})` : '';
      return `${download.state.replace('_', ' ')}${bytes}${download.error ? `: ${download.error.message}` : ''}`;
    }
  }
}

export function jobLine(job: JobRecord): string {
  const status = job.server.status === 'PROCESSING' ? `PROCESSING ${Math.round(job.server.progress * 100)}%` : job.server.status;
  return [job.id, status.padEnd(14), job.download.state.padEnd(16), describeRange(job), job.label ? `"${job.label}"` : ''].join('  ').trimEnd();
}
