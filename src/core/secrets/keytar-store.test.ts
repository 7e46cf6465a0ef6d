import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { shouldRunKeychainTests } from './keychain-test-support';
import {
  createKeytarSecretStore,
  DEFAULT_KEYCHAIN_SERVICE,
  SecretStoreUnavailableError,
  type KeytarLike,
} from './keytar-store';

const run = promisify(execFile);
const keychain = await shouldRunKeychainTests('keytar secret store tests');

async function secretToolLookup(service: string, account: string): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', ['lookup', 'service', service, 'account', account]);
    return stdout;
  } catch {
    return null;
  }
}

describe.runIf(keychain.run)('keytar secret store on the real keychain', () => {
  const accounts: string[] = [];
  const store = createKeytarSecretStore();
  afterEach(async () => {
    await Promise.all(accounts.splice(0).map((account) => store.delete(account)));
  });

  it('has a usable keychain', () => {
    expect(keychain.problem).toBeNull();
  });

  it('stores a key under the fixed service name, reads it back and deletes it', async () => {
    const account = `profile-${randomUUID()}`;
    accounts.push(account);
    const key = `pxe_canary_${randomUUID()}`;

    await store.set(account, key);
    expect(await store.get(account)).toBe(key);

    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('is visible to secret-tool, outside this process', async () => {
    const account = `profile-${randomUUID()}`;
    accounts.push(account);
    const key = `pxe_canary_${randomUUID()}`;

    await store.set(account, key);

    expect(await secretToolLookup(DEFAULT_KEYCHAIN_SERVICE, account)).toBe(key);
    await store.delete(account);
    expect(await secretToolLookup(DEFAULT_KEYCHAIN_SERVICE, account)).toBeNull();
  });
});

describe.runIf(process.platform === 'linux')('keytar secret store without a session bus', () => {
  it('fails with the Secret Service message, for real', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pxe-nobus-'));
    try {
      const storeModule = fileURLToPath(new URL('./keytar-store.ts', import.meta.url));
      const script = `
        const { createKeytarSecretStore } = await import(${JSON.stringify(storeModule)});
        try { await createKeytarSecretStore().set('pxe-nobus-probe', 'pxe_canary_nobus'); console.log('stored'); }
        catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message })); }`;
      const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: empty };
      delete env.DBUS_SESSION_BUS_ADDRESS;
      delete env.DISPLAY;
      const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env });

      expect(JSON.parse(stdout)).toEqual({
        name: 'SecretStoreUnavailableError',
        code: 'keychain_no_service',
        message:
          'The system keychain is not available (no Secret Service found). Install and unlock gnome-keyring or KWallet, then try again.',
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

/** keytar that fails the way the OS does; these failures cannot be produced on demand otherwise. */
function failingKeytar(fail: () => Promise<never>): KeytarLike {
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

async function failureOf(promise: Promise<unknown>): Promise<SecretStoreUnavailableError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecretStoreUnavailableError);
  return error as SecretStoreUnavailableError;
}

describe('keytar secret store when the keychain cannot be used', () => {
  const secret = 'pxe_canary_never_shown_0001';

  it('reports a keytar module that will not load, and loads again once fixed', async () => {
    let broken = true;
    const store = createKeytarSecretStore({
      loadKeytar: async () => {
        if (broken) throw new Error("Cannot find module '../build/Release/keytar.node'");
        return failingKeytar(() => Promise.reject(new Error('never reached')));
      },
    });

    const error = await failureOf(store.set('p1', secret));
    expect(error.code).toBe('keychain_not_loaded');
    expect(error.message).toMatch(/keytar\) could not be loaded\. Reinstall/);
    expect(error.message).not.toContain(secret);

    broken = false;
    expect((await failureOf(store.get('p1'))).code).toBe('keychain_failed');
  });

  it('gives up on a call that hangs', async () => {
    const store = createKeytarSecretStore({
      timeoutMs: 50,
      loadKeytar: async () => failingKeytar(() => new Promise<never>(() => {})),
    });

    const error = await failureOf(store.set('p1', secret));
    expect(error.code).toBe('keychain_timeout');
    expect(error.message).toContain('did not answer');
  });

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'linux', 'keychain_no_service', /no Secret Service found\)\. Install and unlock gnome-keyring or KWallet/],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'linux', 'keychain_no_service', /no Secret Service/],
    ['Cannot create an item in a locked collection', 'linux', 'keychain_locked', /is locked .*Unlock \(or create\) your login keyring/],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'linux', 'keychain_locked', /no default keyring/],
    ['User interaction is not allowed.', 'darwin', 'keychain_locked', /macOS keychain is locked.*Keychain Access/],
    ['Something unexpected', 'win32', 'keychain_failed', /Windows Credential Manager refused/],
  ] as const)('maps "%s" on %s to %s', async (osMessage, platform, code, advice) => {
    const store = createKeytarSecretStore({
      platform,
      loadKeytar: async () => failingKeytar(() => Promise.reject(new Error(osMessage))),
    });

    const error = await failureOf(store.set('p1', secret));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(advice);
    expect(error.message).toMatch(/try again\.$/);
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('\n');
  });
});
