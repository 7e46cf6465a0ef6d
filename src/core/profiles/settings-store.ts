/**
 * The narrow view of a settings file the engine needs. conf and electron-store (which extends conf)
 * satisfy it as they are; tests and session-only hosts use the in-memory one.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function createMemorySettingsStore(initial: Record<string, unknown> = {}): SettingsStore {
  const values = new Map(Object.entries(structuredClone(initial)));
  return {
    get: (key) => structuredClone(values.get(key)),
    set: (key, value) => {
      values.set(key, structuredClone(value));
    },
  };
}
