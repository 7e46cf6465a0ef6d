export { ProfileService, PROFILES_SETTINGS_KEY, type ProfileInput, type ProfilePatch, type ProfileServiceDeps } from './profile-service';
export { checkKey, keyCheckError, type KeyCheckClient } from './key-check';
export { createMemorySettingsStore, type SettingsStore } from './settings-store';
