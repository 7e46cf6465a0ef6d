/** Looks at the keychain from outside the app, and cleans up after a test. */
import keytar from 'keytar';
import type { SettingsStore } from '../../src/core/profiles';

/** Every secret stored under the service. */
export async function storedSecrets(service: string): Promise<Array<{ account: string; password: string }>> {
  return keytar.findCredentials(service);
}

/** Removes the keys of the profiles in a settings file. */
export async function forgetKeys(service: string, settings: SettingsStore): Promise<void> {
  const profiles = settings.get('profiles');
  if (!Array.isArray(profiles)) return;
  for (const profile of profiles as Array<{ id?: unknown }>) {
    if (typeof profile.id === 'string') await keytar.deletePassword(service, profile.id);
  }
}
