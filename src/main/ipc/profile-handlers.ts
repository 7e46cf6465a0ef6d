import type { Profile } from '../../shared/domain';
import type { IpcHandlers, KeyInfo, ProfileChannel, ProfilesSnapshot } from '../../shared/ipc';
import type { IpcHandlerDeps } from './deps';

export function createProfileHandlers(deps: IpcHandlerDeps): Pick<IpcHandlers, ProfileChannel> {
  const { profiles, settings } = deps;

  /** The stored choice while that profile exists, else the first profile. */
  const activeProfileId = (list: Profile[]): string | null => {
    const stored = settings.activeProfileId();
    return list.some((p) => p.id === stored) ? stored : (list[0]?.id ?? null);
  };

  const snapshot = (): ProfilesSnapshot => {
    const list = profiles.list();
    return { profiles: list, activeProfileId: activeProfileId(list) };
  };

  const keyInfo = async (profileId: string): Promise<KeyInfo> => ({
    ...(await profiles.keyStatus(profileId)),
    storage: deps.keyStorage,
  });

  return {
    listProfiles: snapshot,

    async addProfile({ apiKey, activate, ...fields }) {
      const input = { ...fields, downloadDir: deps.defaultDownloadDir };
      // Checked before anything is written: a rejected key leaves neither a profile nor a key behind.
      if (apiKey !== undefined) await deps.checkKey({ ...input, id: 'candidate' }, apiKey);
      const hadActive = activeProfileId(profiles.list()) !== null;
      const added = profiles.add(input);
      if (apiKey !== undefined) {
        try {
          await profiles.setKey(added.id, apiKey);
        } catch (error) {
          await profiles.remove(added.id).catch(() => undefined);
          throw error;
        }
      }
      if (activate || !hadActive) settings.setActiveProfileId(added.id);
      return { ...snapshot(), added };
    },

    updateProfile({ id, ...patch }) {
      const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      profiles.update(id, changes);
      return snapshot();
    },

    async removeProfile({ profileId }) {
      const profile = profiles.require(profileId);
      await profiles.remove(profileId);
      if (settings.activeProfileId() === profileId) settings.setActiveProfileId(activeProfileId(profiles.list()));
      await deps.onProfileRemoved?.(profile);
      deps.status.schedule();
      return snapshot();
    },

    setActiveProfile({ profileId }) {
      profiles.require(profileId);
      settings.setActiveProfileId(profileId);
      return snapshot();
    },

    async chooseDownloadFolder({ profileId }) {
      const profile = profiles.require(profileId);
      const folder = await deps.desktop.pickFolder({ title: `Download folder for ${profile.name}`, defaultPath: profile.downloadDir });
      if (folder === null) return null;
      profiles.update(profileId, { downloadDir: folder });
      return snapshot();
    },

    getKeyStatus: ({ profileId }) => keyInfo(profileId),

    async setKey({ profileId, apiKey }) {
      await profiles.setKey(profileId, apiKey);
      return keyInfo(profileId);
    },

    async clearKey({ profileId }) {
      await profiles.clearKey(profileId);
      return keyInfo(profileId);
    },
  };
}
