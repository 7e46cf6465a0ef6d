import type { Profile } from '../shared/domain';
import { UserError } from '../core/errors';
import type { ProfileInput, ProfileService } from '../core/profiles';
import { defaultDownloadDir } from './config';

export const DEFAULT_PROFILE_NAME = 'default';

export interface ProfileFlags {
  profile?: string;
  baseUrl?: string;
}

/** What `auth set` will key: an existing profile (maybe moved to a new base URL) or a new one. */
export interface AuthTarget {
  existing: Profile | null;
  /** The profile as it will be once the key is accepted. */
  draft: ProfileInput;
}

const sameUrl = (a: string, b: string) => a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');

/**
 * The profile a command works on: `--profile` by name or id; else the one whose base URL is
 * `--base-url` (with no profile at all, a new one named "default"); else the only or "default" one.
 */
export function resolveProfile(profiles: ProfileService, flags: ProfileFlags): Profile {
  if (flags.baseUrl) checkBaseUrl(flags.baseUrl);
  if (flags.profile) {
    const found = profiles.find(flags.profile);
    if (!found) {
      throw new UserError('profile_not_found', `There is no profile "${flags.profile}"; create it with \`pxe-exports auth set --profile ${flags.profile} --base-url URL\`.`);
    }
    if (flags.baseUrl && !sameUrl(found.baseUrl, flags.baseUrl)) {
      throw new UserError(
        'profile_conflict',
        `Profile "${found.name}" uses ${found.baseUrl}, not ${flags.baseUrl}; move it with \`pxe-exports auth set --profile ${found.name} --base-url ${flags.baseUrl}\`.`,
      );
    }
    return found;
  }
  const all = profiles.list();
  if (flags.baseUrl) {
    const baseUrl = flags.baseUrl;
    const match = all.find((p) => sameUrl(p.baseUrl, baseUrl));
    if (match) return match;
    if (all.length === 0) return profiles.add({ name: DEFAULT_PROFILE_NAME, baseUrl, downloadDir: defaultDownloadDir() });
    throw new UserError('profile_not_found', `No profile uses ${baseUrl}; pick one with --profile (${names(all)}) or add one with \`pxe-exports auth set --profile NAME --base-url ${baseUrl}\`.`);
  }
  return soleProfile(all);
}

export function planAuthTarget(profiles: ProfileService, flags: ProfileFlags & { downloadDir?: string }): AuthTarget {
  if (flags.baseUrl) checkBaseUrl(flags.baseUrl);
  const all = profiles.list();
  const existing = flags.profile
    ? (profiles.find(flags.profile) ?? null)
    : flags.baseUrl
      ? (all.find((p) => sameUrl(p.baseUrl, flags.baseUrl as string)) ?? (all.length === 0 ? null : undefined))
      : soleProfile(all);
  if (existing === undefined) {
    throw new UserError('profile_not_found', `No profile uses ${flags.baseUrl}; name a new one with \`--profile NAME\` (existing: ${names(all)}).`);
  }
  if (existing) {
    const { id: _id, ...current } = existing;
    return { existing, draft: { ...current, baseUrl: flags.baseUrl ?? current.baseUrl, downloadDir: flags.downloadDir ?? current.downloadDir } };
  }
  if (!flags.baseUrl) {
    throw new UserError('base_url_required', `There is no profile "${flags.profile}" yet; give its server with --base-url URL.`);
  }
  return {
    existing: null,
    draft: { name: flags.profile ?? DEFAULT_PROFILE_NAME, baseUrl: flags.baseUrl, downloadDir: flags.downloadDir ?? defaultDownloadDir() },
  };
}

function soleProfile(all: Profile[]): Profile {
  if (all.length === 0) throw new UserError('no_profile', 'No profile is set up yet; run `pxe-exports auth set --base-url URL` first.');
  const only = all.length === 1 ? all[0] : all.find((p) => p.name === DEFAULT_PROFILE_NAME);
  if (!only) throw new UserError('profile_ambiguous', `There are several profiles; pick one with --profile (${names(all)}).`);
  return only;
}

function names(all: Profile[]): string {
  return all.map((p) => p.name).join(', ');
}

function checkBaseUrl(value: string): void {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Reported below with the same words as a wrong scheme.
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
    throw new UserError('base_url_invalid', `The base URL "${value}" is not usable; give the API's address, e.g. https://api.platformxe.com.`);
  }
}
