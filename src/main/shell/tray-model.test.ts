import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../shared/domain';
import type { AppStatus } from '../../shared/ipc';
import { trayMenu, trayState, trayTooltip, type TrayMenuItem } from './tray-model';

const status = (working: number, notDownloaded = 0, expiringSoon = 0, paused = false): AppStatus => ({
  paused,
  online: true,
  working,
  attention: { notDownloaded, expiringSoon },
});

const job = (id: string, done: boolean, label: string | null = null) =>
  ({
    id,
    label,
    server: { type: 'AUDIT_LOGS', format: 'csv', status: 'COMPLETE' },
    download: { state: done ? 'done' : 'idle', finalPath: done ? `/d/${id}.csv` : null },
  }) as JobRecord;

const labels = (items: TrayMenuItem[]) => items.map((i) => (i.type === 'separator' ? '---' : i.label));

describe('the tray', () => {
  it('shows attention over work, and work over idle', () => {
    expect(trayState(status(0))).toBe('idle');
    expect(trayState(status(2))).toBe('working');
    expect(trayState(status(2, 1))).toBe('attention');
    expect(trayState(status(0, 0, 1))).toBe('attention');
    expect(trayTooltip('App', status(2, 1, 1, true))).toBe('App — paused — 2 in progress — 1 not downloaded — 1 link expiring soon');
  });

  it('lists the last few jobs, with file actions only for downloaded ones', () => {
    const jobs = Array.from({ length: 7 }, (_, i) => job(`exp_${i}`, i === 0, i === 0 ? 'Q1 review' : null));
    const menu = trayMenu(jobs, false);
    expect(labels(menu)).toEqual([
      'Open',
      'New export…',
      '---',
      'Q1 review (downloaded)',
      'AUDIT_LOGS csv (complete)',
      'AUDIT_LOGS csv (complete)',
      'AUDIT_LOGS csv (complete)',
      'AUDIT_LOGS csv (complete)',
      '---',
      'Pause',
      'Quit',
    ]);
    const [first, second] = menu.filter((i) => i.type === 'submenu');
    expect(first?.type === 'submenu' && first.items.map((i) => i.type === 'item' && [i.label, i.enabled])).toEqual([
      ['Show in app', true],
      ['Open file', true],
      ['Show in folder', true],
    ]);
    expect(second?.type === 'submenu' && second.items.map((i) => i.type === 'item' && i.enabled)).toEqual([true, false, false]);
  });

  it('offers Resume while paused, and says when there is nothing yet', () => {
    expect(labels(trayMenu([], true))).toEqual(['Open', 'New export…', '---', 'No exports yet', '---', 'Resume', 'Quit']);
  });
});
