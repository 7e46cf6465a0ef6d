import { describe, expect, it } from 'vitest';
import type { DownloadProgress, JobView } from '../../shared/domain';
import { createEventHub, MAX_QUEUED_NOTICES } from './event-hub';

const job = (id: string, updatedAt: string) => ({ id, updatedAt }) as JobView;
const progress = (jobId: string, bytes: number) => ({ jobId, bytes, total: 100, bytesPerSecond: 1, etaSeconds: 1 }) as DownloadProgress;
const status = (working: number) => ({ paused: false, online: true, working, attention: { notDownloaded: 0, expiringSoon: 0 } });

describe('the event hub', () => {
  it('queues until ready, keeping the latest copy of each job, download and status', () => {
    const sent: Array<[string, unknown]> = [];
    const hub = createEventHub((channel, payload) => sent.push([channel, payload]));
    hub.emit('jobChanged', job('a', '1'));
    hub.emit('jobChanged', job('b', '1'));
    hub.emit('jobChanged', job('a', '2'));
    hub.emit('downloadProgress', progress('a', 10));
    hub.emit('downloadProgress', progress('a', 20));
    hub.emit('appStatus', status(1));
    hub.emit('appStatus', status(2));
    hub.emit('navigate', { view: 'jobs', jobId: 'a' });
    expect(sent).toEqual([]);

    hub.ready();
    expect(sent).toEqual([
      ['pxe:event:jobChanged', job('b', '1')],
      ['pxe:event:jobChanged', job('a', '2')],
      ['pxe:event:downloadProgress', progress('a', 20)],
      ['pxe:event:appStatus', status(2)],
      ['pxe:event:navigate', { view: 'jobs', jobId: 'a' }],
    ]);
    hub.emit('appStatus', status(3));
    expect(sent.at(-1)).toEqual(['pxe:event:appStatus', status(3)]);
  });

  it('keeps what was queued when the first page load resets it', () => {
    const sent: Array<[string, unknown]> = [];
    const hub = createEventHub((channel, payload) => sent.push([channel, payload]));
    hub.emit('notice', { level: 'warning', message: 'keys are kept for this session only' });
    hub.reset();
    hub.ready();
    expect(sent).toEqual([['pxe:event:notice', { level: 'warning', message: 'keys are kept for this session only' }]]);
  });

  it('keeps the last notices in order, and queues again after a reload', () => {
    const sent: Array<[string, unknown]> = [];
    const hub = createEventHub((channel, payload) => sent.push([channel, payload]));
    for (let i = 0; i < MAX_QUEUED_NOTICES + 5; i++) hub.emit('notice', { level: 'info', message: `n${i}` });
    hub.ready();
    expect(sent).toHaveLength(MAX_QUEUED_NOTICES);
    expect(sent[0]).toEqual(['pxe:event:notice', { level: 'info', message: 'n5' }]);

    hub.reset();
    expect(hub.isReady).toBe(false);
    hub.emit('notice', { level: 'warning', message: 'while reloading' });
    expect(sent).toHaveLength(MAX_QUEUED_NOTICES);
    hub.ready();
    expect(sent.at(-1)).toEqual(['pxe:event:notice', { level: 'warning', message: 'while reloading' }]);
  });

  it('survives a sender that throws (a window closing mid-send)', () => {
    const hub = createEventHub(() => {
      throw new Error('Object has been destroyed');
    });
    hub.ready();
    expect(() => hub.emit('notice', { level: 'info', message: 'x' })).not.toThrow();
  });
});
