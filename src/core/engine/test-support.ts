/**
 * Shared by the engine tests: a profile on a running emulator, a registry and an engine, all on real
 * files in a temp folder. Takes the emulator structurally, because only `*.test.ts` may import it.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, type DownloadProgress, type JobRecord, type Profile, type Settings } from '../../shared/domain';
import { JobRegistry, openConfJobStore, type JobStore } from '../jobs';
import { createPlatformXEClient } from '../platformxe';
import { ProfileService } from '../profiles';
import { createMemorySecretStore, type SecretStore } from '../secrets';
import { startEmulator, type EmulatorOptions } from '../../emulator';
import { createExportEngine } from './engine';
import type { EngineDeps, EngineNotice, ExportEngine } from './types';

export const ONE_DAY = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
/** A one-day AUDIT_LOGS csv export on the harness's profile. */
export const auditRequest = (h: Harness, label?: string) => ({
  profileId: h.profile.id,
  type: 'AUDIT_LOGS' as const,
  format: 'csv' as const,
  filters: ONE_DAY,
  label,
});

export const sha256File = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

/** An emulator for engine tests: one full-scope key, fast small jobs, no rate limit. */
export const engineTestEmulator = (key: string, overrides: Partial<EmulatorOptions> = {}) =>
  startEmulator({ port: 0, keys: { [key]: ['exports:create'] }, jobMinDurationMs: 100, rateLimit: 0, rowsPerDay: 3000, ...overrides });

export const APP = { name: 'PlatformXE Export Manager (test)', version: '9.9.9' };

export interface Harness {
  root: string;
  configDir: string;
  downloadDir: string;
  profiles: ProfileService;
  profile: Profile;
  settings: Settings;
  store: JobStore;
  registry: JobRegistry;
  engine: ExportEngine;
  events: { jobs: JobRecord[]; progress: DownloadProgress[]; notices: EngineNotice[] };
  /** Another engine (and registry) on the same job store, as after a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  baseUrl: string;
  key: string;
  secrets?: SecretStore;
  settings?: Partial<Settings>;
  store?: (configDir: string) => JobStore;
  engine?: Partial<EngineDeps>;
}

/** Fast pollers and download retries, so tests finish quickly; the defaults are exercised by the CLI tests. */
export const FAST: Partial<EngineDeps> = {
  poll: { backoff: { initialMs: 50, maxMs: 300 }, budget: { requestsPerSecond: 50, burst: 5 } },
  download: { retry: { baseDelayMs: 20, maxDelayMs: 200 } },
};

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const root = await realpath(await mkdtemp(path.join(tmpdir(), 'pxe-engine-')));
  const configDir = path.join(root, 'config');
  const downloadDir = path.join(root, 'downloads');
  await mkdir(downloadDir, { recursive: true });
  const profiles = new ProfileService({
    settings: new Conf({ cwd: configDir, configName: 'settings' }),
    secrets: options.secrets ?? createMemorySecretStore(),
    createClient: (profile, key) => createPlatformXEClient({ baseUrl: profile.baseUrl, apiKey: key }),
  });
  const profile = profiles.add({ name: 'Engine test', baseUrl: options.baseUrl, downloadDir });
  await profiles.setKey(profile.id, options.key);
  const settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const store = options.store?.(configDir) ?? openConfJobStore({ cwd: configDir });
  const events: Harness['events'] = { jobs: [], progress: [], notices: [] };

  const open = () => {
    const registry = new JobRegistry({ store });
    const engine = createExportEngine({
      profiles,
      registry,
      fetch: globalThis.fetch,
      settings: () => settings,
      app: APP,
      ...FAST,
      ...options.engine,
    });
    engine.on('job-changed', (job) => events.jobs.push(job));
    engine.on('download-progress', (p) => events.progress.push(p));
    engine.on('notice', (n) => events.notices.push(n));
    return { registry, engine };
  };

  const harness: Harness = {
    root,
    configDir,
    downloadDir,
    profiles,
    profile,
    settings,
    store,
    ...open(),
    events,
    async restart() {
      await harness.engine.stop();
      harness.registry.close();
      Object.assign(harness, open());
      await harness.engine.start();
    },
    async close() {
      await harness.engine.stop();
      harness.registry.close();
      await profiles.remove(profile.id).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
  await harness.engine.start();
  return harness;
}

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

export async function namesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

export async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

/** Resolves once `predicate` holds for something the engine emitted; fails with a description after `timeoutMs`. */
export function eventually<T>(read: () => T | undefined | null | false, what: string, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = read();
      if (value) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}
