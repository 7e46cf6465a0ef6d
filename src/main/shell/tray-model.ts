/**
 * What the tray shows, as plain data: which icon, and the menu. tray.ts turns it into Electron's
 * Tray and Menu; keeping it here lets it be tested without Electron.
 */
import type { JobRecord } from '../../shared/domain';
import type { AppStatus } from '../../shared/ipc';

export type TrayState = 'idle' | 'working' | 'attention';

export const RECENT_JOBS_IN_MENU = 5;

export function trayState(status: AppStatus): TrayState {
  if (status.attention.notDownloaded > 0 || status.attention.expiringSoon > 0) return 'attention';
  if (status.working > 0) return 'working';
  return 'idle';
}

export function trayTooltip(productName: string, status: AppStatus): string {
  const parts = [productName];
  if (status.paused) parts.push('paused');
  if (status.working > 0) parts.push(`${status.working} in progress`);
  const waiting = status.attention.notDownloaded;
  if (waiting > 0) parts.push(`${waiting} not downloaded`);
  if (status.attention.expiringSoon > 0) parts.push(`${status.attention.expiringSoon} link${status.attention.expiringSoon === 1 ? '' : 's'} expiring soon`);
  return parts.join(' — ');
}

export type TrayAction =
  | { kind: 'open' }
  | { kind: 'new-export' }
  | { kind: 'show-job'; jobId: string }
  | { kind: 'open-file'; jobId: string }
  | { kind: 'show-in-folder'; jobId: string }
  | { kind: 'toggle-pause' }
  | { kind: 'quit' };

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'item'; label: string; enabled: boolean; action: TrayAction }
  | { type: 'submenu'; label: string; items: TrayMenuItem[] };

function jobLabel(job: JobRecord): string {
  const name = job.label ?? `${job.server.type} ${job.server.format}`;
  const state = job.download.state === 'done' ? 'downloaded' : job.server.status.toLowerCase();
  return `${name.length > 40 ? `${name.slice(0, 39)}…` : name} (${state})`;
}

export function trayMenu(recent: readonly JobRecord[], paused: boolean): TrayMenuItem[] {
  const jobs: TrayMenuItem[] = recent.slice(0, RECENT_JOBS_IN_MENU).map((job) => {
    const downloaded = job.download.state === 'done' && job.download.finalPath !== null;
    return {
      type: 'submenu',
      label: jobLabel(job),
      items: [
        { type: 'item', label: 'Show in app', enabled: true, action: { kind: 'show-job', jobId: job.id } },
        { type: 'item', label: 'Open file', enabled: downloaded, action: { kind: 'open-file', jobId: job.id } },
        { type: 'item', label: 'Show in folder', enabled: downloaded, action: { kind: 'show-in-folder', jobId: job.id } },
      ],
    };
  });
  return [
    { type: 'item', label: 'Open', enabled: true, action: { kind: 'open' } },
    { type: 'item', label: 'New export…', enabled: true, action: { kind: 'new-export' } },
    { type: 'separator' },
    ...(jobs.length > 0 ? jobs : [{ type: 'item', label: 'No exports yet', enabled: false, action: { kind: 'open' } } as const]),
    { type: 'separator' },
    { type: 'item', label: paused ? 'Resume' : 'Pause', enabled: true, action: { kind: 'toggle-pause' } },
    { type: 'item', label: 'Quit', enabled: true, action: { kind: 'quit' } },
  ];
}
