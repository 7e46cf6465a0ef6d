import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { createMemorySettingsStore } from '../../core/profiles';
import { AppSettings } from './app-settings';

describe('AppSettings', () => {
  it('starts from the defaults and keeps changes', () => {
    const settings = new AppSettings(createMemorySettingsStore());
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.update({ autoDownload: false }).autoDownload).toBe(false);
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, autoDownload: false });
  });

  it('falls back field by field when the file was edited badly', () => {
    const store = createMemorySettingsStore({ preferences: { autoDownload: 'yes', notifications: false, fileNameTemplate: '' } });
    expect(new AppSettings(store).get()).toEqual({ ...DEFAULT_SETTINGS, notifications: false });
    expect(new AppSettings(createMemorySettingsStore({ preferences: 42 })).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a file name template with an unknown placeholder, and saves nothing', () => {
    const settings = new AppSettings(createMemorySettingsStore());
    expect(() => settings.update({ fileNameTemplate: '{who}.csv' })).toThrow(/not a placeholder/);
    expect(settings.get().fileNameTemplate).toBe(DEFAULT_SETTINGS.fileNameTemplate);
  });

  it('remembers the active profile and that the Demo was offered', () => {
    const settings = new AppSettings(createMemorySettingsStore());
    expect(settings.activeProfileId()).toBeNull();
    settings.setActiveProfileId('p1');
    settings.markDemoOffered();
    expect([settings.activeProfileId(), settings.demoOffered()]).toEqual(['p1', true]);
  });
});
