import { UserError } from '../errors';
import type { SecretStore } from './secret-store';

export const DEFAULT_KEYCHAIN_SERVICE = 'PlatformXE Export Manager';
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 10_000;

/** The part of keytar this store uses; tests pass their own to create failures we cannot cause for real. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type KeychainProblem = 'no_service' | 'locked' | 'timeout' | 'not_loaded' | 'failed';

/** The OS keychain cannot be used right now. The message says what to do about it. */
export class SecretStoreUnavailableError extends UserError {
  override name = 'SecretStoreUnavailableError';

  constructor(
    readonly problem: KeychainProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`keychain_${problem}`, message, options);
  }
}

export interface KeytarSecretStoreOptions {
  service?: string;
  timeoutMs?: number;
  loadKeytar?: () => Promise<KeytarLike>;
  platform?: NodeJS.Platform;
}

/**
 * The default secret store: the OS keychain through keytar. keytar is loaded on first use so a
 * missing or mis-built native module is reported as a keychain problem, not a crash at start-up.
 * There is deliberately no plaintext fallback.
 */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? DEFAULT_KEYCHAIN_SERVICE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const load = options.loadKeytar ?? loadKeytarModule;
  const platform = options.platform ?? process.platform;
  let loaded: Promise<KeytarLike> | null = null;

  const keytar = (): Promise<KeytarLike> => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw unavailable('not_loaded', platform, error);
    });
    return loaded;
  };

  const call = async <T>(operation: (k: KeytarLike) => Promise<T>): Promise<T> => {
    const k = await withTimeout(keytar(), timeoutMs, platform);
    try {
      return await withTimeout(operation(k), timeoutMs, platform);
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError) throw error;
      throw unavailable(classify(error), platform, error);
    }
  };

  return {
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
  };
}

async function loadKeytarModule(): Promise<KeytarLike> {
  const module: KeytarLike & { default?: KeytarLike } = await import('keytar');
  return module.default ?? module;
}

function withTimeout<T>(promise: Promise<T>, ms: number, platform: NodeJS.Platform): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable('timeout', platform, undefined, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const NO_SERVICE =
  /autolaunch|d-?bus|org\.freedesktop\.secrets|\.service files|serviceunknown|secret service|could not connect|connection refused/i;
const LOCKED = /locked|interaction is not allowed|does not exist at path|prompt|dismissed|cancel/i;

function classify(error: unknown): KeychainProblem {
  const text = error instanceof Error ? error.message : String(error);
  if (LOCKED.test(text)) return 'locked';
  if (NO_SERVICE.test(text)) return 'no_service';
  return 'failed';
}

function unavailable(
  problem: KeychainProblem,
  platform: NodeJS.Platform,
  cause?: unknown,
  timeoutMs = DEFAULT_KEYCHAIN_TIMEOUT_MS,
): SecretStoreUnavailableError {
  return new SecretStoreUnavailableError(problem, messageFor(problem, platform, timeoutMs), { cause });
}

function messageFor(problem: KeychainProblem, platform: NodeJS.Platform, timeoutMs: number): string {
  const keychain = keychainName(platform);
  switch (problem) {
    case 'no_service':
      return platform === 'linux'
        ? 'The system keychain is not available (no Secret Service found). Install and unlock gnome-keyring or KWallet, then try again.'
        : `The ${keychain} is not available. Make sure you are signed in to a normal desktop session, then try again.`;
    case 'locked':
      return `The ${keychain} is locked or has no default keyring. ${unlockAdvice(platform)}, then try again.`;
    case 'timeout':
      return `The ${keychain} did not answer within ${Math.round(timeoutMs / 1000)} s; it may be waiting for you to unlock it. ${unlockAdvice(platform)}, then try again.`;
    case 'not_loaded':
      return 'The keychain support module (keytar) could not be loaded. Reinstall PlatformXE Export Manager (from source: `npm rebuild keytar`), then try again.';
    case 'failed':
      return `The ${keychain} refused the request. Check that it is unlocked and working, then try again.`;
  }
}

function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'system keychain';
}

function unlockAdvice(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Unlock your login keychain in Keychain Access';
  if (platform === 'win32') return 'Sign in to Windows with your own account';
  return 'Unlock (or create) your login keyring in gnome-keyring (Seahorse) or KWallet';
}
