import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { createPlatformXEClient } from '../platformxe';
import { createKeytarSecretStore, DEFAULT_KEYCHAIN_SERVICE } from '../secrets';
import { shouldRunKeychainTests } from '../secrets/keychain-test-support';
import { ProfileService } from './profile-service';

const run = promisify(execFile);
const keychain = await shouldRunKeychainTests('profile keychain tests');

async function secretToolLookup(account: string): Promise<string | null> {
  try {
    return (await run('secret-tool', ['lookup', 'service', DEFAULT_KEYCHAIN_SERVICE, 'account', account])).stdout;
  } catch {
    return null;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe.runIf(keychain.run)('profile keys in the real keychain', () => {
  let configDir: string;
  let service: ProfileService;
  const secrets = createKeytarSecretStore();

  beforeEach(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'pxe-profiles-'));
    service = new ProfileService({
      settings: new Conf({ cwd: configDir, configName: 'settings' }),
      secrets,
      createClient: () => ({ exports: { getProcessor: async () => ({ enabled: true }) } }),
    });
  });

  afterEach(async () => {
    await Promise.all(service.list().map((p) => service.remove(p.id)));
    await rm(configDir, { recursive: true, force: true });
  });

  it('keeps the key in the keychain under the profile id and never in the config folder', async () => {
    const canary = `pxe_canary_${randomUUID().replaceAll('-', '')}`;
    const profile = service.add({ name: 'Canary', baseUrl: 'https://api.example.test', downloadDir: configDir });

    const status = await service.setKey(profile.id, canary);

    expect(status).toEqual({ hasKey: true, hint: `pxe_…${canary.slice(-4)}` });
    expect(await service.getKey(profile.id)).toBe(canary);
    if (process.platform === 'linux') expect(await secretToolLookup(profile.id)).toBe(canary);

    const files = await filesUnder(configDir);
    expect(files.map((f) => f.slice(configDir.length))).toContain('/settings.json');
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(canary);
  });

  it('removes the key from the keychain with the profile', async () => {
    const profile = service.add({ name: 'Leaving', baseUrl: 'https://api.example.test', downloadDir: configDir });
    await service.setKey(profile.id, `pxe_canary_${randomUUID()}`);

    await service.remove(profile.id);

    expect(await secrets.get(profile.id)).toBeNull();
    if (process.platform === 'linux') expect(await secretToolLookup(profile.id)).toBeNull();
  });
});

describe.runIf(keychain.run)('profile keys checked against the emulator', () => {
  let emulator: RunningEmulator;
  let configDir: string;
  let service: ProfileService;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  beforeEach(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'pxe-profiles-'));
    service = new ProfileService({
      settings: new Conf({ cwd: configDir, configName: 'settings' }),
      secrets: createKeytarSecretStore(),
      createClient: (profile, key) => createPlatformXEClient({ baseUrl: profile.baseUrl, apiKey: key }),
    });
  });
  afterEach(async () => {
    await Promise.all(service.list().map((p) => service.remove(p.id)));
    await rm(configDir, { recursive: true, force: true });
  });

  const keyWith = (wanted: boolean) => {
    const key = emulator.keys.find((k) => k.scopes.includes('exports:create') === wanted);
    if (!key) throw new Error(`the emulator has no key ${wanted ? 'with' : 'without'} exports:create`);
    return key.token;
  };

  it('keeps a key that has the exports:create scope', async () => {
    const profile = service.add({ name: 'Emulator', baseUrl: emulator.baseUrl, downloadDir: configDir });
    const key = keyWith(true);

    expect(await service.setKey(profile.id, key)).toEqual({ hasKey: true, hint: expect.stringMatching(/…/) });
    expect(await service.getKey(profile.id)).toBe(key);
  });

  it('refuses a read-only key, naming the missing scope, and an unknown key', async () => {
    const profile = service.add({ name: 'Emulator', baseUrl: emulator.baseUrl, downloadDir: configDir });

    await expect(service.setKey(profile.id, keyWith(false))).rejects.toThrow(
      'The key is valid but lacks the `exports:create` scope; create a key with `exports:create` and try again.',
    );
    await expect(service.setKey(profile.id, 'pxe_not_a_real_key_0000')).rejects.toThrow(
      `The key was not accepted by ${emulator.baseUrl}; check it and try again.`,
    );
    expect(await service.keyStatus(profile.id)).toEqual({ hasKey: false, hint: null });
  });
});
