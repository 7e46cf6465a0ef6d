/** Profiles (workspaces), which one is active, and what the UI may know of each key. */
import { createStore } from 'zustand/vanilla';
import type { Profile } from '../../shared/domain';
import type {
  AddedProfile,
  ChannelInput,
  ExportManagerApi,
  IpcError,
  IpcResult,
  KeyInfo,
  ProfileChannel,
  ProfilesSnapshot,
} from '../../shared/ipc';

export type ProfilesApi = Pick<ExportManagerApi, ProfileChannel>;

export interface ProfilesState {
  profiles: Profile[];
  activeProfileId: string | null;
  keys: Readonly<Record<string, KeyInfo>>;
  loaded: boolean;
  loadError: IpcError | null;
  load(): Promise<void>;
  add(args: ChannelInput<'addProfile'>): Promise<IpcResult<AddedProfile>>;
  update(args: ChannelInput<'updateProfile'>): Promise<IpcResult<ProfilesSnapshot>>;
  remove(profileId: string): Promise<IpcResult<ProfilesSnapshot>>;
  setActive(profileId: string): Promise<IpcResult<ProfilesSnapshot>>;
  chooseDownloadFolder(profileId: string): Promise<IpcResult<ProfilesSnapshot | null>>;
  loadKey(profileId: string): Promise<void>;
  setKey(profileId: string, apiKey: string): Promise<IpcResult<KeyInfo>>;
  clearKey(profileId: string): Promise<IpcResult<KeyInfo>>;
}

export const selectActiveProfile = (state: Pick<ProfilesState, 'profiles' | 'activeProfileId'>): Profile | null =>
  state.profiles.find((p) => p.id === state.activeProfileId) ?? null;

export function createProfilesStore(api: ProfilesApi) {
  return createStore<ProfilesState>()((set, get) => {
    const applySnapshot = (snapshot: ProfilesSnapshot) => {
      const ids = new Set(snapshot.profiles.map((p) => p.id));
      const keys = Object.fromEntries(Object.entries(get().keys).filter(([id]) => ids.has(id)));
      set({ profiles: snapshot.profiles, activeProfileId: snapshot.activeProfileId, keys, loaded: true, loadError: null });
    };

    const withSnapshot = async <T extends ProfilesSnapshot | null>(call: Promise<IpcResult<T>>) => {
      const result = await call;
      if (result.ok && result.value) applySnapshot(result.value);
      return result;
    };

    const withKey = async (profileId: string, call: Promise<IpcResult<KeyInfo>>) => {
      const result = await call;
      if (result.ok) set({ keys: { ...get().keys, [profileId]: result.value } });
      return result;
    };

    return {
      profiles: [],
      activeProfileId: null,
      keys: {},
      loaded: false,
      loadError: null,

      async load() {
        const result = await api.listProfiles();
        if (!result.ok) return set({ loadError: result.error });
        applySnapshot(result.value);
        await Promise.all(result.value.profiles.map((p) => get().loadKey(p.id)));
      },

      async add(args) {
        const result = await api.addProfile(args);
        if (result.ok) {
          applySnapshot(result.value);
          await get().loadKey(result.value.added.id);
        }
        return result;
      },

      update: (args) => withSnapshot(api.updateProfile(args)),
      remove: (profileId) => withSnapshot(api.removeProfile({ profileId })),
      setActive: (profileId) => withSnapshot(api.setActiveProfile({ profileId })),
      chooseDownloadFolder: (profileId) => withSnapshot(api.chooseDownloadFolder({ profileId })),

      async loadKey(profileId) {
        await withKey(profileId, api.getKeyStatus({ profileId }));
      },
      setKey: (profileId, apiKey) => withKey(profileId, api.setKey({ profileId, apiKey })),
      clearKey: (profileId) => withKey(profileId, api.clearKey({ profileId })),
    };
  });
}

export type ProfilesStore = ReturnType<typeof createProfilesStore>;
