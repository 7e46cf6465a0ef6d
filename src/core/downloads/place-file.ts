import { constants } from 'node:fs';
import { link as fsLink, lstat, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from './errors';
import { numberedName } from './file-names';

const MAX_NUMBERED_NAMES = 10_000;

/** Hard links are missing on FAT/exFAT and some network shares. */
const LINK_UNSUPPORTED = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

export interface PlaceOptions {
  /** Suffixes that must be free too, so `x.csv` is not given a stale `x.csv.manifest.json`. */
  companions?: readonly string[];
  /** The file-system boundary; tests pass a failing one to exercise the fallback. */
  link?: (existing: string, newPath: string) => Promise<void>;
}

/**
 * Moves `source` to `dir/name`, or `name (1)`, `name (2)`... if taken. An existing file is never
 * overwritten: `link` fails atomically with EEXIST when the name is taken.
 */
export async function placeNoOverwrite(source: string, dir: string, name: string, options: PlaceOptions = {}): Promise<string> {
  const link = options.link ?? fsLink;
  for (let n = 0; n < MAX_NUMBERED_NAMES; n++) {
    const candidate = path.join(dir, numberedName(name, n));
    if (await companionTaken(candidate, options.companions ?? [])) continue;
    const claimed = await claim(link, source, candidate);
    if (claimed === 'linked') await unlink(source);
    if (claimed) return candidate;
  }
  throw Object.assign(new Error(`No free name for ${name} in ${dir}`), { code: 'EEXIST' });
}

/** 'linked' leaves the source in place for the caller to remove; 'moved' already consumed it. */
async function claim(link: NonNullable<PlaceOptions['link']>, source: string, candidate: string): Promise<'linked' | 'moved' | false> {
  try {
    await link(source, candidate);
    return 'linked';
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') return false;
    if (code !== undefined && LINK_UNSUPPORTED.has(code)) return claimWithoutLink(source, candidate);
    throw err;
  }
}

/**
 * Reserves the name with an exclusive create, then renames over that empty placeholder of ours:
 * a crash in between leaves an empty file, never a half-copied one under the final name.
 */
async function claimWithoutLink(source: string, candidate: string): Promise<'moved' | false> {
  try {
    const placeholder = await open(candidate, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
    await placeholder.close();
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw err;
  }
  await rename(source, candidate);
  return 'moved';
}

async function companionTaken(candidate: string, suffixes: readonly string[]): Promise<boolean> {
  for (const suffix of suffixes) {
    try {
      await lstat(candidate + suffix);
      return true;
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw err;
    }
  }
  return false;
}
