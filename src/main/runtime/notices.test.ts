import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../shared/domain';
import type { EngineNotice } from '../../core/engine';
import type { JobRegistry } from '../../core/jobs';
import { createRecordingDesktop } from '../ipc/recording-desktop';
import { createEventHub } from '../ipc/event-hub';
import { createNoticeHandler, toNotice } from './notices';

const verified: EngineNotice = { level: 'info', kind: 'download-verified', message: 'Export exp_1 was downloaded and verified.', jobId: 'exp_1' };
const rerun: EngineNotice = { level: 'info', kind: 'link-expired-rerun', message: 'Re-run as exp_2.', jobId: 'exp_1' };

function setup(notificationsOn: boolean) {
  const sent: Array<[string, unknown]> = [];
  const hub = createEventHub((channel, payload) => sent.push([channel, payload]));
  hub.ready();
  const desktop = createRecordingDesktop();
  const registry = { get: (id: string) => (id === 'exp_1' ? ({ rerunBy: 'exp_2' } as JobRecord) : undefined) } as JobRegistry;
  const handle = createNoticeHandler({ hub, desktop, registry, notificationsOn: () => notificationsOn });
  return { sent, desktop, handle };
}

describe('engine notices', () => {
  it('become window notices, good news as success', () => {
    expect(toNotice(verified)).toEqual({ level: 'success', message: verified.message, jobId: 'exp_1', code: 'download-verified' });
    expect(toNotice({ level: 'warning', kind: 'other', message: 'x'.repeat(900) }).message).toHaveLength(500);
  });

  it('become desktop notifications when switched on; a click opens the job (the re-run, for an expired link)', () => {
    const { sent, desktop, handle } = setup(true);
    handle(rerun);
    handle({ level: 'warning', kind: 'download-interrupted', message: 'Stopped.', jobId: 'exp_3' });
    expect(desktop.notifications.map((n) => n.title)).toEqual(['Link expired: export re-run']);
    desktop.notifications[0]!.onClick();
    expect(sent.at(-1)).toEqual(['pxe:event:navigate', { view: 'jobs', jobId: 'exp_2' }]);
    expect(sent.filter(([c]) => c === 'pxe:event:notice')).toHaveLength(2);
  });

  it('stay in the window when notifications are off', () => {
    const { desktop, handle } = setup(false);
    handle(verified);
    expect(desktop.notifications).toEqual([]);
  });
});
