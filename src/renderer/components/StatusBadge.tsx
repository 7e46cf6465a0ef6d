import { STATUS_LABELS, type DisplayStatus } from '../state/jobQuery';

const TONE: Record<DisplayStatus, string> = {
  processing: 'busy',
  queued: 'busy',
  downloading: 'busy',
  verifying: 'busy',
  ready: 'wait',
  interrupted: 'wait',
  downloaded: 'good',
  failed: 'bad',
  integrity_failed: 'bad',
  link_expired: 'bad',
  rerun: '',
};

export function StatusBadge({ status }: { status: DisplayStatus }) {
  return (
    <span className={`status-badge ${TONE[status]}`} data-testid="status-badge" data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
