import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { profileSchema, type KeyStatus, type Profile } from '../../shared/domain';
import { UserError } from '../errors';
import { maskKey, type SecretStore } from '../secrets';
import { checkKey, type KeyCheckClient } from './key-check';
import type { SettingsStore } from './settings-store';

export const PROFILES_SETTINGS_KEY = 'profiles';

export type ProfileInput = Omit<Profile, 'id'>;
export type ProfilePatch = Partial<ProfileInput>;

export interface ProfileServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  /** Makes an API client for a profile and a candidate key; used to check keys before keeping them. */
  createClient: (profile: Profile, key: string) => KeyCheckClient;
  newId?: () => string;
}

const profileListSchema = z.array(profileSchema);

/**
 * Profiles live in the settings file; their keys live only in the secret store, under the profile id.
 */
export class ProfileService {
  readonly #settings: SettingsStore;
  readonly #secrets: SecretStore;
  readonly #createClient: ProfileServiceDeps['createClient'];
  readonly #newId: () => string;

  constructor(deps: ProfileServiceDeps) {
    this.#settings = deps.settings;
    this.#secrets = deps.secrets;
    this.#createClient = deps.createClient;
    this.#newId = deps.newId ?? randomUUID;
  }

  list(): Profile[] {
    const stored = this.#settings.get(PROFILES_SETTINGS_KEY);
    if (stored === undefined) return [];
    const parsed = profileListSchema.safeParse(stored);
    if (!parsed.success) {
      throw new UserError(
        'profiles_unreadable',
        `The saved profiles are damaged (${describeIssue(parsed.error)}); fix or remove "${PROFILES_SETTINGS_KEY}" in the settings file.`,
      );
    }
    return parsed.data;
  }

  get(id: string): Profile | undefined {
    return this.list().find((p) => p.id === id);
  }

  /** The profile with this id or, failing that, this name (case-insensitive): what `--profile` accepts. */
  find(idOrName: string): Profile | undefined {
    const profiles = this.list();
    const wanted = idOrName.trim().toLowerCase();
    return profiles.find((p) => p.id === idOrName) ?? profiles.find((p) => p.name.toLowerCase() === wanted);
  }

  require(id: string): Profile {
    const profile = this.get(id);
    if (!profile) throw new UserError('profile_not_found', `There is no profile with id "${id}"; list the profiles and pick one.`);
    return profile;
  }

  add(input: ProfileInput): Profile {
    const profiles = this.list();
    const profile = validate({ ...input, id: this.#newId() });
    assertNameFree(profiles, profile);
    this.#save([...profiles, profile]);
    return profile;
  }

  update(id: string, patch: ProfilePatch): Profile {
    const profiles = this.list();
    const current = this.require(id);
    const profile = validate({ ...current, ...patch, id });
    assertNameFree(profiles, profile);
    this.#save(profiles.map((p) => (p.id === id ? profile : p)));
    return profile;
  }

  /** Deletes the key first: if the keychain cannot be reached, the profile stays so nothing is orphaned. */
  async remove(id: string): Promise<void> {
    this.require(id);
    await this.#secrets.delete(id);
    this.#save(this.list().filter((p) => p.id !== id));
  }

  /** Checks the key against the profile's server and keeps it only if it works. */
  async setKey(id: string, key: string): Promise<KeyStatus> {
    const profile = this.require(id);
    const candidate = key.trim();
    if (!candidate) throw new UserError('key_empty', 'The key is empty; paste the whole API key and try again.');
    await checkKey(this.#createClient(profile, candidate), profile.baseUrl);
    await this.#secrets.set(id, candidate);
    return { hasKey: true, hint: maskKey(candidate) };
  }

  async keyStatus(id: string): Promise<KeyStatus> {
    this.require(id);
    const key = await this.#secrets.get(id);
    return key ? { hasKey: true, hint: maskKey(key) } : { hasKey: false, hint: null };
  }

  async clearKey(id: string): Promise<boolean> {
    this.require(id);
    return this.#secrets.delete(id);
  }

  /** For the engine only: the key never leaves the process that calls this. */
  async getKey(id: string): Promise<string | null> {
    this.require(id);
    return this.#secrets.get(id);
  }

  #save(profiles: Profile[]): void {
    this.#settings.set(PROFILES_SETTINGS_KEY, profiles);
  }
}

function validate(candidate: Profile): Profile {
  const parsed = profileSchema.safeParse({ ...candidate, baseUrl: candidate.baseUrl?.trim().replace(/\/+$/, '') });
  if (!parsed.success) throw new UserError('profile_invalid', `The profile is not valid: ${describeIssue(parsed.error)}.`);
  return parsed.data;
}

function assertNameFree(profiles: Profile[], profile: Profile): void {
  const name = profile.name.toLowerCase();
  if (profiles.some((p) => p.id !== profile.id && p.name.toLowerCase() === name)) {
    throw new UserError('profile_name_taken', `A profile named "${profile.name}" already exists; choose another name.`);
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const field = issue.path.join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}
