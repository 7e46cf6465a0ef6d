import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformXEClient } from '../../core/platformxe';
import { createMemorySettingsStore, ProfileService, type SettingsStore } from '../../core/profiles';
import { createMemorySecretStore } from '../../core/secrets';
import { AppSettings } from './app-settings';
import { prepareDemoWorkspace, startDemoEmulator, type DemoServer } from './demo-workspace';

describe('the Demo workspace', () => {
  let store: SettingsStore;
  let profiles: ProfileService;
  let settings: AppSettings;
  const started: DemoServer[] = [];
  const start = async () => {
    const server = await startDemoEmulator();
    started.push(server);
    return server;
  };

  beforeEach(() => {
    store = createMemorySettingsStore();
    profiles = new ProfileService({
      settings: store,
      secrets: createMemorySecretStore(),
      createClient: (profile, key) => createPlatformXEClient({ baseUrl: profile.baseUrl, apiKey: key, retry: { maxAttempts: 1 } }),
    });
    settings = new AppSettings(store);
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });

  it('is set up on a first run: a local server, a profile labelled Demo, its key checked and kept', async () => {
    const demo = await prepareDemoWorkspace({ profiles, settings, start, downloadDir: '/tmp/pxe-demo' });
    expect(demo?.profile).toMatchObject({ name: 'Demo', demo: true, baseUrl: demo!.server.baseUrl });
    expect(demo!.server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await profiles.keyStatus(demo!.profile.id)).toMatchObject({ hasKey: true });
    expect(settings.activeProfileId()).toBe(demo!.profile.id);
  });

  it('comes back on the next start on a new port, in the same profile', async () => {
    const first = await prepareDemoWorkspace({ profiles, settings, start, downloadDir: '/tmp/pxe-demo' });
    await first!.server.close();
    const second = await prepareDemoWorkspace({ profiles, settings, start, downloadDir: '/tmp/pxe-demo' });
    expect(second!.profile.id).toBe(first!.profile.id);
    expect(profiles.list()).toHaveLength(1);
    expect(profiles.get(first!.profile.id)!.baseUrl).toBe(second!.server.baseUrl);
  });

  it('is not offered again once removed, nor to someone who already has a profile', async () => {
    const demo = await prepareDemoWorkspace({ profiles, settings, start, downloadDir: '/tmp/pxe-demo' });
    await profiles.remove(demo!.profile.id);
    expect(await prepareDemoWorkspace({ profiles, settings, start, downloadDir: '/tmp/pxe-demo' })).toBeNull();

    const fresh = new ProfileService({ settings: createMemorySettingsStore(), secrets: createMemorySecretStore(), createClient: () => ({ exports: { getProcessor: async () => ({}) } }) });
    fresh.add({ name: 'Production', baseUrl: 'https://api.example.test', downloadDir: '/tmp' });
    expect(await prepareDemoWorkspace({ profiles: fresh, settings: new AppSettings(createMemorySettingsStore()), start, downloadDir: '/tmp' })).toBeNull();
    expect(started).toHaveLength(1);
  });

  it('stops its server when the key cannot be kept', async () => {
    let closed = false;
    const broken = async (): Promise<DemoServer> => ({ ...(await start()), apiKey: 'pxe_demo_wrong_key', close: async () => void (closed = true) });
    await expect(prepareDemoWorkspace({ profiles, settings, start: broken, downloadDir: '/tmp' })).rejects.toThrow(/not accepted/);
    expect(closed).toBe(true);
  });
});
