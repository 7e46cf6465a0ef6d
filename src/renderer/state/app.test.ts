import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/ipc';
import { answer, errResult, okResult } from '../testing/fixtures';
import { createAppStore } from './app';

const status: AppStatus = { paused: false, online: true, working: 2, attention: { notDownloaded: 1, expiringSoon: 0 } };

describe('app slice', () => {
  it('loads info and status, then follows status events', async () => {
    const store = createAppStore({
      getAppInfo: answer<'getAppInfo'>(okResult({ productName: 'PlatformXE Export Manager', version: '0.1.0', demo: true, platform: 'linux' })),
      getAppStatus: answer<'getAppStatus'>(okResult(status)),
      setPaused: answer<'setPaused'>(okResult({ ...status, paused: true })),
    });
    await store.getState().load();
    expect(store.getState().info?.demo).toBe(true);
    store.getState().applyStatus({ ...status, online: false });
    expect(store.getState().status?.online).toBe(false);
    await store.getState().setPaused(true);
    expect(store.getState().status?.paused).toBe(true);
  });

  it('keeps the last status when pausing fails and says why', async () => {
    const store = createAppStore({
      getAppInfo: answer<'getAppInfo'>(errResult('ipc_unavailable')),
      getAppStatus: answer<'getAppStatus'>(okResult(status)),
      setPaused: answer<'setPaused'>(errResult('internal_error', 'Could not pause. Try again.')),
    });
    await store.getState().load();
    expect(store.getState().error?.code).toBe('ipc_unavailable');
    await store.getState().setPaused(true);
    expect(store.getState().status?.paused).toBe(false);
    expect(store.getState().error?.message).toBe('Could not pause. Try again.');
  });
});
