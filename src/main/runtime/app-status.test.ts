import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../shared/domain';
import type { AppStatus } from '../../shared/ipc';
import { ManualClock } from '../../../test/support/manual-clock';
import { createAppStatusTracker } from './app-status';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function job(status: JobRecord['server']['status'], state: JobRecord['download']['state'], linkExpiresInMs = 30 * 60_000): JobRecord {
  return {
    server: { status, downloadUrlExpiresAt: new Date(NOW + linkExpiresInMs).toISOString() },
    download: { state },
  } as JobRecord;
}

describe('the app status', () => {
  it('counts work under way and what needs attention, and tells only of changes, at most once per interval', async () => {
    const clock = new ManualClock(NOW);
    const jobs = [job('PROCESSING', 'idle'), job('COMPLETE', 'downloading'), job('COMPLETE', 'idle', 5 * 60_000), job('COMPLETE', 'done')];
    const seen: AppStatus[] = [];
    let online = true;
    const tracker = createAppStatusTracker({ jobs: () => jobs, paused: () => false, online: () => online, clock, onChange: (s) => seen.push(s), intervalMs: 250 });
    expect(tracker.current()).toEqual({ paused: false, online: true, working: 2, attention: { notDownloaded: 1, expiringSoon: 1 } });

    jobs.push(job('PROCESSING', 'idle'));
    tracker.schedule();
    tracker.schedule();
    expect(seen).toEqual([]);
    await clock.advance(250);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.working).toBe(3);

    tracker.schedule();
    await clock.advance(250);
    expect(seen).toHaveLength(1);

    online = false;
    expect(tracker.refresh().online).toBe(false);
    expect(seen).toHaveLength(2);
    tracker.stop();
  });

  it('notices a link becoming "expiring soon" by the clock alone', async () => {
    const clock = new ManualClock(NOW);
    const jobs = [job('COMPLETE', 'idle', 15 * 60_000)];
    const seen: AppStatus[] = [];
    const tracker = createAppStatusTracker({ jobs: () => jobs, paused: () => false, online: () => true, clock, onChange: (s) => seen.push(s), tickMs: 60_000 });
    expect(tracker.current().attention.expiringSoon).toBe(0);
    await clock.advance(6 * 60_000);
    expect(seen.at(-1)?.attention.expiringSoon).toBe(1);
    tracker.stop();
  });
});
