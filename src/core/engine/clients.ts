import type { Profile } from '../../shared/domain';
import type { Clock } from '../clock';
import { createPlatformXEClient, type PlatformXEClient } from '../platformxe';
import type { ProfileService } from '../profiles';
import type { ClientTuning, EngineDeps } from './types';

export interface ProfileClients {
  /** User-initiated calls: create, refresh, processor. Retries on its own. */
  calls: PlatformXEClient;
  /** The poller's GETs: one attempt each, the scheduler decides when to try again. */
  polls: PlatformXEClient;
}

const POLL_TUNING: ClientTuning = { retry: { maxAttempts: 1 } };

/**
 * One pair of clients per profile, made on first use. The key is read from the keychain for each
 * call, so a key replaced in the settings applies at once; a changed base URL makes new clients.
 */
export function createClientPool(deps: { profiles: ProfileService; fetch: typeof globalThis.fetch; clock: Clock; random: () => number; createClient?: EngineDeps['createClient'] }) {
  const pool = new Map<string, { baseUrl: string; clients: ProfileClients }>();
  const make =
    deps.createClient ??
    ((profile: Profile, apiKey: () => Promise<string>, tuning: ClientTuning) =>
      createPlatformXEClient({ baseUrl: profile.baseUrl, apiKey, fetch: deps.fetch, clock: deps.clock, random: deps.random, retry: tuning.retry }));

  return {
    for(profileId: string): ProfileClients {
      const profile = deps.profiles.require(profileId);
      const cached = pool.get(profileId);
      if (cached?.baseUrl === profile.baseUrl) return cached.clients;
      // An empty key is refused by the client with "no usable API key is set": the right message.
      const apiKey = async () => (await deps.profiles.getKey(profileId)) ?? '';
      const clients = { calls: make(profile, apiKey, {}), polls: make(profile, apiKey, POLL_TUNING) };
      pool.set(profileId, { baseUrl: profile.baseUrl, clients });
      return clients;
    },
  };
}
export type ClientPool = ReturnType<typeof createClientPool>;
