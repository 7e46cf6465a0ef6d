import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { createExportManagerApi, eventChannel, invokeChannel, type ChannelName, type EventName } from '../../shared/ipc';
import { makeJob, makeProfile } from '../testing/fixtures';
import { connectStores, createStores } from './stores';

/** Plays main's part over the real api builder: answers calls, queues events until `ready`. */
function fakeMain(answers: Partial<Record<ChannelName, unknown>>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: Array<[string, unknown]> = [];
  const calls: string[] = [];
  let isReady = false;
  const deliver = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  const api = createExportManagerApi({
    invoke: async (channel) => {
      calls.push(channel);
      if (channel === invokeChannel('ready')) {
        isReady = true;
        queue.splice(0).forEach(([c, p]) => deliver(c, p));
        return { ok: true, value: null };
      }
      const name = channel.slice('pxe:'.length) as ChannelName;
      return name in answers ? { ok: true, value: answers[name] } : { ok: false, error: { code: 'not_found', message: 'No.' } };
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  });
  const emit = (name: EventName, payload: unknown) => {
    const channel = eventChannel(name);
    if (isReady) deliver(channel, payload);
    else queue.push([channel, payload]);
  };
  const listenerCount = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { api, emit, calls, listenerCount };
}

const status = { paused: false, online: true, working: 0, attention: { notDownloaded: 0, expiringSoon: 0 } };

describe('connectStores', () => {
  it('loads everything, then says ready and applies what main had queued', async () => {
    const main = fakeMain({
      listProfiles: { profiles: [makeProfile()], activeProfileId: 'p1' },
      getKeyStatus: { hasKey: true, hint: 'pxe_…a1b2', storage: 'keychain' },
      listJobs: [makeJob({ id: 'exp_1' })],
      getSettings: DEFAULT_SETTINGS,
      getAppInfo: { productName: 'PlatformXE Export Manager', version: '0.1.0', demo: false, platform: 'linux' },
      getAppStatus: status,
    });
    const stores = createStores(main.api);
    main.emit('navigate', { view: 'jobs', jobId: 'exp_1' });
    main.emit('jobChanged', makeJob({ id: 'exp_1', updatedAt: '2026-03-01T13:00:00Z', server: { status: 'COMPLETE', progress: 1 } }));

    const disconnect = await connectStores(main.api, stores, 0);
    expect(main.calls.at(-1)).toBe('pxe:ready');
    expect(stores.ui.getState().selectedJobId).toBe('exp_1');
    expect(stores.jobs.getState().byId.get('exp_1')?.server.status).toBe('COMPLETE');
    expect(stores.profiles.getState().keys.p1?.hint).toBe('pxe_…a1b2');

    main.emit('notice', { level: 'success', message: 'Downloaded and verified.', jobId: 'exp_1' });
    main.emit('appStatus', { ...status, paused: true });
    expect(stores.ui.getState().notices[0]?.message).toBe('Downloaded and verified.');
    expect(stores.app.getState().status?.paused).toBe(true);

    disconnect();
    expect(main.listenerCount()).toBe(0);
  });

  it('says why when a list cannot be loaded', async () => {
    const main = fakeMain({});
    const stores = createStores(main.api);
    await connectStores(main.api, stores, 0);
    expect(stores.jobs.getState().loadError?.code).toBe('not_found');
    expect(stores.profiles.getState().loadError?.code).toBe('not_found');
  });

  it('applies a burst of job events in one batch', async () => {
    vi.useFakeTimers();
    try {
      const main = fakeMain({ listJobs: [] });
      const stores = createStores(main.api);
      await connectStores(main.api, stores, 100);
      let updates = 0;
      stores.jobs.subscribe((state, previous) => {
        if (state.byId !== previous.byId) updates += 1;
      });
      for (let i = 0; i < 50; i += 1) main.emit('jobChanged', makeJob({ id: `exp_${i}` }));
      expect(stores.jobs.getState().byId.size).toBe(0);
      vi.advanceTimersByTime(100);
      expect(stores.jobs.getState().byId.size).toBe(50);
      expect(updates).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
