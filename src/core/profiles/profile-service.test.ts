import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/domain';
import { UserError } from '../errors';
import { PlatformXEError } from '../platformxe';
import { createKeytarSecretStore, createMemorySecretStore, type SecretStore } from '../secrets';
import type { KeyCheckClient } from './key-check';
import { ProfileService, PROFILES_SETTINGS_KEY } from './profile-service';
import { createMemorySettingsStore } from './settings-store';

const KEY = 'pxe_test_canary_key_9f3ea1f3';
const input = { name: 'Acme prod', baseUrl: 'https://api.example.test/', downloadDir: '/tmp/exports' };

/** A client whose getProcessor answers as the server would for this key. */
function clientAnswering(answer: () => Promise<unknown>): (profile: Profile, key: string) => KeyCheckClient {
  return () => ({ exports: { getProcessor: answer } });
}
const accepting = clientAnswering(async () => ({ enabled: true }));

function setup(options: { secrets?: SecretStore; createClient?: (profile: Profile, key: string) => KeyCheckClient } = {}) {
  const settings = createMemorySettingsStore();
  const secrets = options.secrets ?? createMemorySecretStore();
  let n = 0;
  const service = new ProfileService({
    settings,
    secrets,
    createClient: options.createClient ?? accepting,
    newId: () => `profile-${++n}`,
  });
  return { settings, secrets, service };
}

async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const userError = error as UserError;
  expect(userError.message).not.toContain(KEY);
  expect(userError.message).not.toContain('\n');
  return userError;
}

describe('ProfileService profiles', () => {
  it('adds, lists, updates and removes profiles', async () => {
    const { service, settings } = setup();

    const added = service.add(input);
    expect(added).toEqual({ id: 'profile-1', name: 'Acme prod', baseUrl: 'https://api.example.test', downloadDir: '/tmp/exports' });
    const second = service.add({ ...input, name: 'Acme staging' });
    expect(service.list().map((p) => p.id)).toEqual(['profile-1', 'profile-2']);
    expect(settings.get(PROFILES_SETTINGS_KEY)).toEqual(service.list());

    expect(service.update(second.id, { color: '#00aa88' })).toMatchObject({ id: 'profile-2', color: '#00aa88' });
    expect(service.find('ACME STAGING')?.id).toBe('profile-2');
    expect(service.find('profile-1')?.name).toBe('Acme prod');

    await service.remove(added.id);
    expect(service.list().map((p) => p.id)).toEqual(['profile-2']);
  });

  it('refuses an invalid profile or a taken name without saving anything', () => {
    const { service, settings } = setup();
    service.add(input);

    expect(() => service.add({ ...input, name: 'x', baseUrl: 'ftp://nope' })).toThrow(/The profile is not valid: baseUrl/);
    expect(() => service.add({ ...input, name: 'ACME PROD' })).toThrow(
      expect.objectContaining({ code: 'profile_name_taken' }),
    );
    expect(() => service.update('profile-1', { downloadDir: '' })).toThrow(/downloadDir/);
    expect(() => service.update('missing', { name: 'y' })).toThrow(expect.objectContaining({ code: 'profile_not_found' }));
    expect(settings.get(PROFILES_SETTINGS_KEY)).toEqual([{ ...input, id: 'profile-1', baseUrl: 'https://api.example.test' }]);
  });

  it('says so when the saved profile list is damaged', () => {
    const { service, settings } = setup();
    settings.set(PROFILES_SETTINGS_KEY, [{ id: 'p', name: '' }]);
    expect(() => service.list()).toThrow(expect.objectContaining({ code: 'profiles_unreadable' }));
  });
});

describe('ProfileService keys', () => {
  it('keeps a key that the server accepts and only ever shows its hint', async () => {
    const seen: string[] = [];
    const { service, secrets } = setup({
      createClient: (profile, key) => {
        seen.push(`${profile.id}:${key}`);
        return { exports: { getProcessor: async () => ({ enabled: true }) } };
      },
    });
    const profile = service.add(input);

    expect(await service.keyStatus(profile.id)).toEqual({ hasKey: false, hint: null });
    expect(await service.setKey(profile.id, `  ${KEY}\n`)).toEqual({ hasKey: true, hint: 'pxe_…a1f3' });
    expect(seen).toEqual([`profile-1:${KEY}`]);
    expect(await secrets.get(profile.id)).toBe(KEY);
    expect(await service.keyStatus(profile.id)).toEqual({ hasKey: true, hint: 'pxe_…a1f3' });
    expect(await service.getKey(profile.id)).toBe(KEY);

    expect(await service.clearKey(profile.id)).toBe(true);
    expect(await service.keyStatus(profile.id)).toEqual({ hasKey: false, hint: null });
  });

  it.each([
    [
      'a 401',
      new PlatformXEError({ code: 'unauthenticated', status: 401, message: 'The API key was not accepted (unauthenticated).' }),
      'key_rejected',
      'The key was not accepted by https://api.example.test; check it and try again.',
    ],
    [
      'a 403',
      new PlatformXEError({ code: 'insufficient_scope', status: 403, requiredScope: 'exports:create', message: 'lacks scope' }),
      'key_missing_scope',
      'The key is valid but lacks the `exports:create` scope; create a key with `exports:create` and try again.',
    ],
    [
      'a key the client refuses to send',
      new PlatformXEError({ code: 'unauthenticated', message: 'No usable API key is set' }),
      'key_rejected',
      'The key was not accepted by https://api.example.test; check it and try again.',
    ],
    [
      'a 503',
      new PlatformXEError({ code: 'unavailable', status: 503, message: 'unavailable' }),
      'key_check_unavailable',
      'https://api.example.test could not check the key right now (HTTP 503); try again in a minute.',
    ],
    [
      'a network failure reported by the client',
      new PlatformXEError({ code: 'network_error', message: 'could not connect' }),
      'key_check_unreachable',
      'The server at https://api.example.test could not be reached; check the address and your network or proxy, then try again.',
    ],
  ])('refuses and does not keep a key answered by %s', async (_, failure, code, message) => {
    const { service, secrets } = setup({ createClient: clientAnswering(() => Promise.reject(failure)) });
    const profile = service.add(input);

    const error = await userErrorOf(service.setKey(profile.id, KEY));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(await secrets.get(profile.id)).toBeNull();
  });

  it('says the server cannot be reached when nothing listens at its address', async () => {
    const port = await closedPort();
    const { service, secrets } = setup({
      createClient: (profile) => ({ exports: { getProcessor: () => fetch(`${profile.baseUrl}/v1/exports/processor`) } }),
    });
    const profile = service.add({ ...input, baseUrl: `http://127.0.0.1:${port}` });

    const error = await userErrorOf(service.setKey(profile.id, KEY));
    expect(error.code).toBe('key_check_unreachable');
    expect(await secrets.get(profile.id)).toBeNull();
  });

  it('refuses an empty key without calling the server', async () => {
    const { service } = setup({ createClient: () => expect.unreachable('no call for an empty key') });
    const profile = service.add(input);
    expect((await userErrorOf(service.setKey(profile.id, ' \n'))).code).toBe('key_empty');
  });

  it('passes on an unusable keychain and changes nothing', async () => {
    const broken = createKeytarSecretStore({
      platform: 'linux',
      loadKeytar: async () => {
        const fail = () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
        return { getPassword: fail, setPassword: fail, deletePassword: fail };
      },
    });
    const { service, settings } = setup({ secrets: broken });
    const profile = service.add(input);
    const before = settings.get(PROFILES_SETTINGS_KEY);

    const error = await userErrorOf(service.setKey(profile.id, KEY));
    expect(error.message).toBe(
      'The system keychain is not available (no Secret Service found). Install and unlock gnome-keyring or KWallet, then try again.',
    );
    expect(await userErrorOf(service.remove(profile.id))).toMatchObject({ code: 'keychain_no_service' });
    expect(settings.get(PROFILES_SETTINGS_KEY)).toEqual(before);
    expect(JSON.stringify(settings.get(PROFILES_SETTINGS_KEY))).not.toContain(KEY);
  });

  it('deletes the key when the profile is removed', async () => {
    const { service, secrets } = setup();
    const profile = service.add(input);
    await service.setKey(profile.id, KEY);

    await service.remove(profile.id);

    expect(await secrets.get(profile.id)).toBeNull();
    expect(service.list()).toEqual([]);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
