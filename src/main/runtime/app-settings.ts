/**
 * The app's own settings in the settings file (electron-store in the app, conf in tests), next to
 * the profiles ProfileService keeps there: preferences, the active profile, and whether the Demo
 * workspace was already offered.
 */
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/domain';
import { checkFileNameTemplate } from '../../core/jobs';
import { UserError } from '../../core/errors';
import type { SettingsStore } from '../../core/profiles';

const KEYS = { settings: 'preferences', activeProfile: 'activeProfileId', demoOffered: 'demoOffered' } as const;

export class AppSettings {
  readonly #store: SettingsStore;

  constructor(store: SettingsStore) {
    this.#store = store;
  }

  /** A damaged or hand-edited value falls back to its default, field by field, rather than blocking start-up. */
  get(): Settings {
    const stored = this.#store.get(KEYS.settings);
    const values: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (settingsSchema.shape[key].safeParse(values[key]).success) settings[key] = values[key];
    }
    return settings as Settings;
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    const problem = checkFileNameTemplate(next.fileNameTemplate);
    if (problem) throw new UserError('file_name_template_invalid', problem);
    this.#store.set(KEYS.settings, next);
    return next;
  }

  activeProfileId(): string | null {
    const id = this.#store.get(KEYS.activeProfile);
    return typeof id === 'string' ? id : null;
  }

  setActiveProfileId(id: string | null): void {
    this.#store.set(KEYS.activeProfile, id);
  }

  demoOffered(): boolean {
    return this.#store.get(KEYS.demoOffered) === true;
  }

  markDemoOffered(): void {
    this.#store.set(KEYS.demoOffered, true);
  }
}
