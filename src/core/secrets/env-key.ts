import type { SecretStore } from './secret-store';

/**
 * For unattended CLI runs: a key from the environment (PLATFORMXE_API_KEY) answers every read and
 * is never written anywhere. Writes and deletes still reach the real store, because they are an
 * explicit request to change what is kept.
 */
export function withEnvironmentKey(store: SecretStore, environmentKey: string | undefined): SecretStore {
  const key = environmentKey?.trim();
  if (!key) return store;
  return {
    get: async () => key,
    set: (account, secret) => store.set(account, secret),
    delete: (account) => store.delete(account),
  };
}
