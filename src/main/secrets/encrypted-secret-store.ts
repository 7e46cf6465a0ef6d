/**
 * Keys encrypted by the operating system (Electron's safeStorage) and kept as base64 in a file of
 * their own. Used only when the keychain cannot be reached and the OS offers a real backend.
 */
import type { SettingsStore } from '../../core/profiles';
import type { SecretStore } from '../../core/secrets';

export interface StringCipher {
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const FIELD = 'encryptedKeys';

export function createEncryptedSecretStore(file: SettingsStore, cipher: StringCipher): SecretStore {
  const all = (): Record<string, string> => {
    const stored = file.get(FIELD);
    return typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, string>) } : {};
  };
  return {
    async get(account) {
      const blob = all()[account];
      return typeof blob === 'string' ? cipher.decryptString(Buffer.from(blob, 'base64')) : null;
    },
    async set(account, secret) {
      file.set(FIELD, { ...all(), [account]: cipher.encryptString(secret).toString('base64') });
    },
    async delete(account) {
      const keys = all();
      if (!(account in keys)) return false;
      delete keys[account];
      file.set(FIELD, keys);
      return true;
    },
  };
}
