import { checkKey } from '../../core/profiles';
import { createPlatformXEClient } from '../../core/platformxe';
import type { CliContext } from '../context';
import { planAuthTarget, resolveProfile } from '../profile-choice';
import { readKey } from '../read-key';

/**
 * Checks the key against the profile's server before anything is written: a rejected key leaves
 * neither a key nor a new profile behind.
 */
export async function authSetCommand(ctx: CliContext, opts: { downloadDir?: string }): Promise<void> {
  const { profiles } = ctx;
  const target = planAuthTarget(profiles, { ...ctx.options, downloadDir: opts.downloadDir });
  const key = await readKey();
  const client = createPlatformXEClient({ baseUrl: target.draft.baseUrl, apiKey: key, fetch: ctx.fetch, retry: { maxAttempts: 2 } });
  await checkKey(client, target.draft.baseUrl);
  const profile = target.existing ? profiles.update(target.existing.id, target.draft) : profiles.add(target.draft);
  const status = await profiles.setKey(profile.id, key);
  ctx.out.line(`Key ${status.hint} saved in the system keychain for profile "${profile.name}" (${profile.baseUrl}).`);
  ctx.out.event('result', { profile: profile.name, baseUrl: profile.baseUrl, hasKey: true, hint: status.hint });
}

export async function authStatusCommand(ctx: CliContext): Promise<void> {
  const { profiles } = ctx;
  const chosen = ctx.options.profile || ctx.options.baseUrl ? [resolveProfile(profiles, ctx.options)] : profiles.list();
  if (chosen.length === 0) ctx.out.line('No profile is set up yet; run `pxe-exports auth set --base-url URL`.');
  const source = ctx.environmentKey ? 'PLATFORMXE_API_KEY' : 'keychain';
  for (const profile of chosen) {
    const status = await profiles.keyStatus(profile.id);
    const key = status.hasKey ? `key ${status.hint} (${source})` : 'no key';
    ctx.out.line(`${profile.name}  ${profile.baseUrl}  ${key}  downloads to ${profile.downloadDir}`);
    ctx.out.event('profile', {
      profile: profile.name,
      id: profile.id,
      baseUrl: profile.baseUrl,
      downloadDir: profile.downloadDir,
      hasKey: status.hasKey,
      hint: status.hint,
      source: status.hasKey ? source : null,
    });
  }
}

export async function authClearCommand(ctx: CliContext): Promise<void> {
  const profile = resolveProfile(ctx.profiles, ctx.options);
  const removed = await ctx.profiles.clearKey(profile.id);
  ctx.out.line(removed ? `Key removed from the keychain for profile "${profile.name}".` : `Profile "${profile.name}" had no key in the keychain.`);
  if (ctx.environmentKey) ctx.out.warn('note: PLATFORMXE_API_KEY is still set in this environment and is used while it is.');
  ctx.out.event('result', { profile: profile.name, removed });
}
