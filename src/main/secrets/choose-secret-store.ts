/**
 * Where keys go on this machine: the OS keychain (keytar) when it answers; else Electron's
 * safeStorage when its backend really encrypts (on Linux `basic_text` is a hard-coded password,
 * so it does not count); else memory for this session only, with the reason for the user.
 */
import type { KeyStorage } from '../../shared/ipc';
import { createMemorySecretStore, type SecretStore } from '../../core/secrets';

export interface ChosenSecretStore {
  store: SecretStore;
  storage: KeyStorage;
  /** Why the keychain is not used, for a notice; null when it is. */
  problem: string | null;
}

export interface SecretStoreCandidates {
  keychain: SecretStore;
  /** Null when safeStorage cannot be used here (no real backend, or not in Electron). */
  safeStorage: (() => SecretStore) | null;
}

/** An account no profile uses: reading it proves the keychain answers without touching real keys. */
const PROBE_ACCOUNT = '__pxe_probe__';

export async function chooseSecretStore(candidates: SecretStoreCandidates): Promise<ChosenSecretStore> {
  let reason: string;
  try {
    await candidates.keychain.get(PROBE_ACCOUNT);
    return { store: candidates.keychain, storage: 'keychain', problem: null };
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (candidates.safeStorage) {
    return {
      store: candidates.safeStorage(),
      storage: 'safe-storage',
      problem: `${reason} Until then, API keys are encrypted by your operating system instead.`,
    };
  }
  return {
    store: createMemorySecretStore(),
    storage: 'session',
    problem: `${reason} Until then, API keys are kept for this session only: you will need to enter them again after a restart.`,
  };
}

/** Whether safeStorage really encrypts: available, and on Linux backed by a keyring rather than a fixed password. */
export function isRealSafeStorage(safeStorage: { isEncryptionAvailable(): boolean; getSelectedStorageBackend?(): string }, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return backend !== 'basic_text' && backend !== 'unknown';
}
