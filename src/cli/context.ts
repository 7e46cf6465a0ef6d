import path from 'node:path';
import type { Profile, Settings } from '../shared/domain';
import { createExportEngine, type ExportEngine } from '../core/engine';
import { UserError } from '../core/errors';
import { JobRegistry, openConfJobStore } from '../core/jobs';
import { createPlatformXEClient } from '../core/platformxe';
import { ProfileService, type SettingsStore } from '../core/profiles';
import { createKeytarSecretStore, withEnvironmentKey } from '../core/secrets';
import { appInfo, CLI_JOBS_FOLDER, configDir, mergingJobStore, openSettingsStore, readPreferences } from './config';
import { createCliHttp, type CliHttp } from './http';
import type { Output } from './output';
import { resolveProfile, type ProfileFlags } from './profile-choice';

export interface GlobalOptions extends ProfileFlags {
  json?: boolean;
}

/**
 * Everything a command may need, built on first use, so `verify` or `--help` never touch the
 * keychain or the network. `close()` stops what was started; a running download keeps its `.part`.
 */
export class CliContext {
  readonly configDir: string;
  #settings: SettingsStore | null = null;
  #profiles: ProfileService | null = null;
  #http: CliHttp | null = null;
  #registry: JobRegistry | null = null;
  #engine: ExportEngine | null = null;

  constructor(
    readonly options: GlobalOptions,
    readonly out: Output,
    readonly signal: AbortSignal,
    readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.configDir = configDir(env);
  }

  get environmentKey(): boolean {
    return Boolean(this.env.PLATFORMXE_API_KEY?.trim());
  }

  get fetch(): typeof globalThis.fetch {
    return this.#cliHttp().fetch;
  }

  #cliHttp(): CliHttp {
    this.#http ??= createCliHttp();
    return this.#http;
  }

  get settings(): SettingsStore {
    this.#settings ??= openSettingsStore(this.configDir);
    return this.#settings;
  }

  get profiles(): ProfileService {
    this.#profiles ??= new ProfileService({
      settings: this.settings,
      secrets: withEnvironmentKey(createKeytarSecretStore(), this.env.PLATFORMXE_API_KEY),
      createClient: (profile, key) => createPlatformXEClient({ baseUrl: profile.baseUrl, apiKey: key, fetch: this.fetch, retry: { maxAttempts: 2 } }),
    });
    return this.#profiles;
  }

  profile(): Profile {
    return resolveProfile(this.profiles, this.options);
  }

  /** The profile for a command that calls the API: without a key, say how to add one before anything is sent. */
  async keyedProfile(): Promise<Profile> {
    const profile = this.profile();
    if (!(await this.profiles.keyStatus(profile.id)).hasKey) {
      throw new UserError(
        'key_missing',
        `No API key is stored for profile "${profile.name}"; run \`pxe-exports auth set --profile ${profile.name}\` or set PLATFORMXE_API_KEY.`,
      );
    }
    return profile;
  }

  get registry(): JobRegistry {
    if (!this.#registry) {
      const store = openConfJobStore({ cwd: path.join(this.configDir, CLI_JOBS_FOLDER) });
      if (store.recovered) this.out.warn(`warning: ${store.recovered.message}`);
      this.#registry = new JobRegistry({ store: mergingJobStore(store) });
    }
    return this.#registry;
  }

  /** Downloads happen only when a command asks for them, into the folder it names. */
  async engine(): Promise<ExportEngine> {
    if (this.#engine) return this.#engine;
    const settings = (): Settings => ({ ...readPreferences(this.settings), autoDownload: false });
    const engine = createExportEngine({ profiles: this.profiles, registry: this.registry, fetch: this.fetch, httpGet: this.#cliHttp().httpGet, settings, app: appInfo() });
    engine.on('notice', (notice) => {
      this.out.event('notice', { ...notice });
      // Failures end the command with their own one-line error; only what it would not say is shown.
      if (notice.kind === 'link-expired-rerun' || (notice.kind === 'other' && notice.level === 'warning')) {
        this.out.warn(`${notice.level === 'info' ? 'note' : notice.level}: ${notice.message}`);
      }
    });
    this.#engine = engine;
    return engine;
  }

  /** Ctrl-C: pollers stop and a download in progress stops with its `.part` kept for a resume. */
  async stopEngine(): Promise<void> {
    await this.#engine?.stop();
  }

  async close(): Promise<void> {
    await this.#engine?.stop();
    this.#registry?.close();
    await this.#http?.close();
  }
}
