/**
 * The Demo workspace: a local PlatformXE (the emulator) on a random loopback port, so a newcomer
 * sees the whole flow without an account. It is offered once, on a first run with no profile; while
 * its profile exists, each start brings a fresh server up and points the profile at it.
 */
import type { Profile } from '../../shared/domain';
import type { ProfileService } from '../../core/profiles';
import { DEMO_KEYS, startEmulator } from '../../emulator';
import type { AppSettings } from './app-settings';

export interface DemoServer {
  baseUrl: string;
  apiKey: string;
  close(): Promise<void>;
}

export const DEMO_PROFILE_NAME = 'Demo';
const DEMO_COLOR = '#7c3aed';
const FULL_ACCESS_SCOPE = 'exports:create';

/** The emulator in this process, with its demo key. */
export async function startDemoEmulator(): Promise<DemoServer> {
  const emulator = await startEmulator({ port: 0 });
  const key = emulator.keys.find((k) => k.scopes.includes(FULL_ACCESS_SCOPE));
  if (!key) throw new Error('The emulator has no demo key with exports:create');
  return { baseUrl: emulator.baseUrl, apiKey: key.token, close: () => emulator.close() };
}

/** A server someone already runs (`npm run emulator`): nothing to stop here. */
export function externalDemoServer(baseUrl: string, apiKey = Object.keys(DEMO_KEYS)[0]!): () => Promise<DemoServer> {
  return async () => ({ baseUrl: baseUrl.replace(/\/+$/, ''), apiKey, close: async () => undefined });
}

export interface DemoWorkspaceDeps {
  profiles: ProfileService;
  settings: AppSettings;
  start: () => Promise<DemoServer>;
  downloadDir: string;
}

export interface DemoWorkspace {
  server: DemoServer;
  profile: Profile;
}

/** Null when there is no Demo workspace to run: the user has their own profiles, or removed it. */
export async function prepareDemoWorkspace(deps: DemoWorkspaceDeps): Promise<DemoWorkspace | null> {
  const { profiles, settings } = deps;
  const existing = profiles.list().find((p) => p.demo);
  if (!existing && (settings.demoOffered() || profiles.list().length > 0)) return null;
  const server = await deps.start();
  try {
    const profile = existing
      ? profiles.update(existing.id, { baseUrl: server.baseUrl })
      : profiles.add({ name: DEMO_PROFILE_NAME, baseUrl: server.baseUrl, downloadDir: deps.downloadDir, color: DEMO_COLOR, demo: true });
    await profiles.setKey(profile.id, server.apiKey);
    settings.markDemoOffered();
    if (!settings.activeProfileId()) settings.setActiveProfileId(profile.id);
    return { server, profile };
  } catch (error) {
    await server.close();
    throw error;
  }
}
