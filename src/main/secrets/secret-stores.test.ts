import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemorySettingsStore } from '../../core/profiles';
import { createKeytarSecretStore } from '../../core/secrets';
import { shouldRunKeychainTests } from '../../core/secrets/keychain-test-support';
import { chooseSecretStore, isRealSafeStorage } from './choose-secret-store';
import { createEncryptedSecretStore, type StringCipher } from './encrypted-secret-store';

const keychain = await shouldRunKeychainTests('secret store choice');

/** A real cipher standing in for safeStorage, which exists only inside Electron. */
function aesCipher(): StringCipher {
  const key = randomBytes(32);
  return {
    encryptString(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(blob) {
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const brokenKeychain = createKeytarSecretStore({ loadKeytar: () => Promise.reject(new Error('Cannot find module keytar.node')) });

describe('choosing where keys go', () => {
  it.runIf(keychain.run)('uses the keychain when it answers', async () => {
    const chosen = await chooseSecretStore({ keychain: createKeytarSecretStore({ service: 'pxe-choice-test' }), safeStorage: null });
    expect(chosen).toMatchObject({ storage: 'keychain', problem: null });
  });

  it('falls back to safeStorage, then to this session only, saying why', async () => {
    const file = createMemorySettingsStore();
    const encrypted = await chooseSecretStore({ keychain: brokenKeychain, safeStorage: () => createEncryptedSecretStore(file, aesCipher()) });
    expect(encrypted).toMatchObject({ storage: 'safe-storage', problem: expect.stringMatching(/keytar.*encrypted by your operating system/s) });

    const session = await chooseSecretStore({ keychain: brokenKeychain, safeStorage: null });
    expect(session).toMatchObject({ storage: 'session', problem: expect.stringMatching(/this session only/) });
    await session.store.set('p1', 'pxe_live_secret');
    expect(await session.store.get('p1')).toBe('pxe_live_secret');
  });

  it('counts safeStorage only with a real backend (not basic_text on Linux)', () => {
    const storage = (available: boolean, backend: string) => ({ isEncryptionAvailable: () => available, getSelectedStorageBackend: () => backend });
    expect(isRealSafeStorage(storage(true, 'gnome_libsecret'), 'linux')).toBe(true);
    expect(isRealSafeStorage(storage(true, 'basic_text'), 'linux')).toBe(false);
    expect(isRealSafeStorage(storage(true, 'unknown'), 'linux')).toBe(false);
    expect(isRealSafeStorage(storage(false, 'kwallet5'), 'linux')).toBe(false);
    expect(isRealSafeStorage(storage(true, 'basic_text'), 'darwin')).toBe(true);
  });
});

describe('the encrypted secret store', () => {
  it('keeps only ciphertext in its file', async () => {
    const file = createMemorySettingsStore();
    const store = createEncryptedSecretStore(file, aesCipher());
    await store.set('p1', 'pxe_live_topsecret_1234');
    expect(await store.get('p1')).toBe('pxe_live_topsecret_1234');
    expect(JSON.stringify(file.get('encryptedKeys'))).not.toContain('topsecret');
    expect(await store.delete('p1')).toBe(true);
    expect(await store.delete('p1')).toBe(false);
    expect(await store.get('p1')).toBeNull();
  });
});
