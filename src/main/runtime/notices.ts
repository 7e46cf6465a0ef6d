/**
 * What the engine tells the user: every notice goes to the window; the ones worth interrupting for
 * (download verified, job failed, link expired and re-run) also become a desktop notification whose
 * click opens that job.
 */
import type { Notice } from '../../shared/ipc';
import type { EngineNotice, NoticeKind } from '../../core/engine';
import type { JobRegistry } from '../../core/jobs';
import type { DesktopPort } from '../ipc/desktop-port';
import type { EventHub } from '../ipc/event-hub';

const TITLES: Partial<Record<NoticeKind, string>> = {
  'download-verified': 'Download verified',
  'job-failed': 'Export failed',
  'link-expired-rerun': 'Link expired: export re-run',
};

const MAX_NOTICE = 500;

export function toNotice(notice: EngineNotice): Notice {
  const message = notice.message.length > MAX_NOTICE ? `${notice.message.slice(0, MAX_NOTICE - 1)}…` : notice.message;
  return {
    level: notice.kind === 'download-verified' ? 'success' : notice.level,
    message,
    ...(notice.jobId ? { jobId: notice.jobId } : {}),
    ...(notice.kind !== 'other' ? { code: notice.kind } : {}),
  };
}

export interface NoticeDeps {
  hub: EventHub;
  desktop: DesktopPort;
  registry: JobRegistry;
  notificationsOn: () => boolean;
}

export function createNoticeHandler(deps: NoticeDeps): (notice: EngineNotice) => void {
  return (notice) => {
    deps.hub.emit('notice', toNotice(notice));
    const title = TITLES[notice.kind];
    if (!title || !deps.notificationsOn()) return;
    const { jobId } = notice;
    deps.desktop.notify({
      title,
      body: notice.message,
      onClick: () => {
        deps.desktop.showWindow();
        // A re-run's notice names the old job; the one worth opening is the new one.
        const target = jobId ? (deps.registry.get(jobId)?.rerunBy ?? jobId) : undefined;
        deps.hub.emit('navigate', { view: 'jobs', ...(target ? { jobId: target } : {}) });
      },
    });
  };
}
