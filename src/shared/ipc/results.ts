/**
 * Shapes that only main produces. They are built from the domain records, so they are plain types
 * (main is trusted); what the renderer sends is described by schemas in ./schemas.
 */
import type { JobView, KeyStatus, Profile } from '../domain';

export interface ProfilesSnapshot {
  profiles: Profile[];
  activeProfileId: string | null;
}

export type AddedProfile = ProfilesSnapshot & { added: Profile };

/**
 * Where a key is kept. `session`: neither the keychain nor a real safeStorage backend was usable,
 * so the key lives in memory until the app quits (main also sends a notice saying why).
 */
export type KeyStorage = 'keychain' | 'safe-storage' | 'session';

export type KeyInfo = KeyStatus & { storage: KeyStorage | null };

export interface CreateExportResult {
  job: JobView;
  /**
   * The request id was seen before: this is the job it created, nothing new was created
   * (a double click or a retry after a lost answer).
   */
  replayed: boolean;
  /** An earlier job of this profile with the same type, format and filters that did not fail. */
  duplicateOf: string | null;
}

export interface AppInfo {
  productName: string;
  version: string;
  /** Whether the built-in Demo workspace (in-process emulator) is running. */
  demo: boolean;
  platform: 'darwin' | 'win32' | 'linux' | 'other';
}
