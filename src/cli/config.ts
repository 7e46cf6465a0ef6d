import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../shared/domain';
import type { JobStore } from '../core/jobs';
import type { SettingsStore } from '../core/profiles';

/** Electron names the userData folder after the productName; the CLI uses the same one to share profiles. */
export const APP_FOLDER_NAME = 'PlatformXE Export Manager';
/** settings.json holds the profiles (key `profiles`) and the app's preferences (key `settings`). */
export const SETTINGS_STORE_NAME = 'settings';
export const PREFERENCES_KEY = 'settings';
/**
 * The CLI keeps its own job list: two processes saving one whole-file list would overwrite each
 * other's records, and the app runs while cron starts the CLI.
 */
export const CLI_JOBS_FOLDER = 'cli';

export function defaultConfigDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER_NAME);
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.PXE_CONFIG_DIR?.trim();
  return override ? path.resolve(override) : defaultConfigDir();
}

export function defaultDownloadDir(home = homedir()): string {
  return path.join(home, 'Downloads');
}

export function openSettingsStore(dir: string): SettingsStore {
  return new Conf<Record<string, unknown>>({ cwd: dir, configName: SETTINGS_STORE_NAME, accessPropertiesByDotNotation: false });
}

/** The app's preferences where they are readable, the defaults elsewhere: a bad file never stops the CLI. */
export function readPreferences(store: SettingsStore): Settings {
  const parsed = settingsSchema.partial().safeParse(store.get(PREFERENCES_KEY) ?? {});
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

/**
 * Saves merge with what is on disk now, newest record first, so two CLI runs at once (overlapping
 * cron jobs) keep each other's exports.
 */
export function mergingJobStore(inner: JobStore): JobStore {
  return {
    load: () => inner.load(),
    save(jobs) {
      const merged = new Map(jobs.map((job) => [job.id, job]));
      for (const theirs of inner.load()) {
        const ours = merged.get(theirs.id);
        if (!ours || Date.parse(theirs.updatedAt) > Date.parse(ours.updatedAt)) merged.set(theirs.id, theirs);
      }
      inner.save([...merged.values()]);
    },
  };
}

export function appInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return { name: 'pxe-exports', version: pkg.version ?? '0.0.0' };
}
