import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { answer, errResult, okResult } from '../testing/fixtures';
import { createSettingsStore } from './settings';

describe('settings slice', () => {
  it('applies a toggle at once and keeps what main answered', async () => {
    const updateSettings = answer<'updateSettings'>(okResult({ ...DEFAULT_SETTINGS, autoDownload: false }));
    const store = createSettingsStore({ getSettings: answer<'getSettings'>(okResult(DEFAULT_SETTINGS)), updateSettings });
    await store.getState().load();
    const saving = store.getState().update({ autoDownload: false });
    expect(store.getState().settings?.autoDownload).toBe(false);
    await saving;
    expect(updateSettings.calls).toEqual([{ autoDownload: false }]);
    expect(store.getState().settings?.autoDownload).toBe(false);
  });

  it('rolls a refused change back and says why', async () => {
    const store = createSettingsStore({
      getSettings: answer<'getSettings'>(okResult(DEFAULT_SETTINGS)),
      updateSettings: answer<'updateSettings'>(errResult('login_item_failed', 'Launch at login could not be turned on.')),
    });
    await store.getState().load();
    await store.getState().update({ launchAtLogin: true });
    expect(store.getState().settings?.launchAtLogin).toBe(false);
    expect(store.getState().saveError?.message).toBe('Launch at login could not be turned on.');
  });
});
