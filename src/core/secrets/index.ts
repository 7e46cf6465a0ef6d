export { createMemorySecretStore, type SecretStore } from './secret-store';
export {
  createKeytarSecretStore,
  DEFAULT_KEYCHAIN_SERVICE,
  DEFAULT_KEYCHAIN_TIMEOUT_MS,
  SecretStoreUnavailableError,
  type KeychainProblem,
  type KeytarLike,
  type KeytarSecretStoreOptions,
} from './keytar-store';
export { maskKey } from './mask';
export { withEnvironmentKey } from './env-key';
