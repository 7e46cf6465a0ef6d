/**
 * Everything behind the window, in plain Node: settings, profiles, keys, the job registry, the
 * engine, the Demo workspace, the event hub and the IPC handlers. The Electron shell and the e2e
 * host both build the app with this, and differ only in what they pass in.
 */
import type { AppInfo, AppStatus, IpcHandlers, KeyStorage } from '../../shared/ipc';
import { systemClock, type Clock } from '../../core/clock';
import { createExportEngine, type EngineDeps, type ExportEngine } from '../../core/engine';
import { JobRegistry, openConfJobStore, type ConfJobStoreOptions } from '../../core/jobs';
import { checkKey, ProfileService, type SettingsStore } from '../../core/profiles';
import { createPlatformXEClient } from '../../core/platformxe';
import type { SecretStore } from '../../core/secrets';
import type { Profile } from '../../shared/domain';
import type { DesktopPort } from '../ipc/desktop-port';
import { createEventHub, type EventHub, type EventSender } from '../ipc/event-hub';
import { createIpcHandlers } from '../ipc/handlers';
import { toJobView } from '../ipc/job-view';
import { AppSettings } from './app-settings';
import { createAppStatusTracker, type AppStatusTracker } from './app-status';
import { prepareDemoWorkspace, type DemoServer, type DemoWorkspace } from './demo-workspace';
import { createNoticeHandler } from './notices';
import { trackReachability } from './reachability';

export interface RuntimeOptions {
  /** Holds jobs.json. */
  dataDir: string;
  /** Profiles and preferences: electron-store in the app, conf in tests. */
  settingsStore: SettingsStore;
  /** How jobs.json is opened (electron-store in the app); conf by default. */
  createJobStore?: ConfJobStoreOptions['createStore'];
  secrets: { store: SecretStore; storage: KeyStorage; problem: string | null };
  /** Electron's net.fetch in the app (system proxy and certificates), Node's fetch in tests. */
  fetch: typeof globalThis.fetch;
  desktop: DesktopPort;
  /** Puts an event on the wire to the renderer. */
  send: EventSender;
  app: Omit<AppInfo, 'demo'>;
  /** Where a new profile's files go until the user chooses a folder. */
  defaultDownloadDir: string;
  /** Starts the Demo workspace's server; null to never offer it. */
  startDemoServer: (() => Promise<DemoServer>) | null;
  /** Told when the app status changes (the tray icon); the renderer gets it as an event anyway. */
  onStatusChange?: (status: AppStatus) => void;
  clock?: Clock;
  engine?: Pick<EngineDeps, 'poll' | 'download' | 'downloadConcurrency'>;
}

export interface Runtime {
  handlers: IpcHandlers;
  hub: EventHub;
  engine: ExportEngine;
  registry: JobRegistry;
  profiles: ProfileService;
  settings: AppSettings;
  status: AppStatusTracker;
  demo: DemoWorkspace | null;
  /** Ends pollers and downloads (a transfer under way keeps its part file), saves, stops the demo server. */
  stop(): Promise<void>;
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const settings = new AppSettings(options.settingsStore);
  const hub = createEventHub(options.send);
  const reachability = trackReachability(options.fetch);
  const { fetch } = reachability;
  const keyClient = (profile: Profile, apiKey: string) =>
    createPlatformXEClient({ baseUrl: profile.baseUrl, apiKey, fetch, clock, retry: { maxAttempts: 1 } });
  const profiles = new ProfileService({ settings: options.settingsStore, secrets: options.secrets.store, createClient: keyClient });

  const jobStore = openConfJobStore({ cwd: options.dataDir, createStore: options.createJobStore });
  const registry = new JobRegistry({ store: jobStore, clock });
  if (jobStore.recovered) hub.emit('notice', { level: 'warning', message: jobStore.recovered.message, code: jobStore.recovered.code });
  if (options.secrets.problem) hub.emit('notice', { level: 'warning', message: options.secrets.problem.slice(0, 500), code: 'key_storage' });

  let demo: DemoWorkspace | null = null;
  if (options.startDemoServer) {
    try {
      demo = await prepareDemoWorkspace({ profiles, settings, start: options.startDemoServer, downloadDir: options.defaultDownloadDir });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      hub.emit('notice', { level: 'warning', message: `The Demo workspace could not start (${why}); add your own profile in Settings.`.slice(0, 500) });
    }
  }

  const engine = createExportEngine({
    profiles,
    registry,
    fetch,
    clock,
    settings: () => settings.get(),
    app: { name: options.app.productName, version: options.app.version },
    ...options.engine,
  });

  const tracker = createAppStatusTracker({
    jobs: () => registry.list(),
    paused: () => engine.paused,
    online: () => reachability.online(),
    clock,
    onChange: (next) => {
      hub.emit('appStatus', next);
      options.onStatusChange?.(next);
    },
  });

  const knownProfile = (profileId: string) => profiles.get(profileId) !== undefined;
  const unsubscribe = [
    reachability.onChange(() => tracker.refresh()),
    engine.on('job-changed', (job) => {
      if (knownProfile(job.profileId)) hub.emit('jobChanged', toJobView(job));
      tracker.schedule();
    }),
    engine.on('download-progress', (progress) => hub.emit('downloadProgress', progress)),
    engine.on('notice', createNoticeHandler({ hub, desktop: options.desktop, registry, notificationsOn: () => settings.get().notifications })),
  ];

  const handlers = createIpcHandlers({
    engine,
    registry,
    profiles,
    settings,
    status: tracker,
    hub,
    desktop: options.desktop,
    keyStorage: options.secrets.storage,
    checkKey: (profile, apiKey) => checkKey(keyClient(profile, apiKey), profile.baseUrl),
    defaultDownloadDir: options.defaultDownloadDir,
    appInfo: () => ({ ...options.app, demo: demo !== null }),
    async onProfileRemoved(profile) {
      if (demo?.profile.id !== profile.id) return;
      const server = demo.server;
      demo = null;
      await server.close();
    },
  });

  await engine.start();

  let stopping: Promise<void> | null = null;
  return {
    handlers,
    hub,
    engine,
    registry,
    profiles,
    settings,
    status: tracker,
    get demo() {
      return demo;
    },
    stop() {
      stopping ??= (async () => {
        tracker.stop();
        await engine.stop();
        unsubscribe.forEach((off) => off());
        registry.close();
        await demo?.server.close();
      })();
      return stopping;
    },
  };
}
