import { randomUUID } from 'node:crypto';
import { link, lstat, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ManifestError, errnoCode } from './errors';
import { hashWholeFile } from './hash-file';

export const MANIFEST_SUFFIX = '.manifest.json';

const isoTime = z.iso.datetime({ offset: true });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');

/**
 * The chain-of-custody record written next to each verified file. Type and format stay plain
 * strings so a manifest written by a newer version (with new export types) still verifies here.
 */
export const custodyManifestSchema = z.object({
  manifestVersion: z.literal(1),
  exportId: z.string().min(1),
  rerunOf: z.string().min(1).nullable(),
  type: z.string().min(1),
  format: z.string().min(1),
  filters: z.object({ from: isoTime, to: isoTime }).catchall(z.string()),
  label: z.string().nullable(),
  profile: z.object({ name: z.string().min(1), baseUrl: z.url() }),
  requestIds: z.object({ create: z.string().nullable(), completingGet: z.string().nullable() }),
  createdAt: isoTime,
  completedAt: isoTime,
  downloadedAt: isoTime,
  file: z.object({ name: z.string().min(1), sizeBytes: z.number().int().nonnegative(), sha256: sha256Hex }),
  verified: z.literal(true),
  app: z.object({ name: z.string().min(1), version: z.string().min(1) }),
});
export type CustodyManifest = z.infer<typeof custodyManifestSchema>;

/** Everything the manifest says that the download itself does not know. */
export type ManifestInput = Omit<CustodyManifest, 'manifestVersion' | 'file' | 'verified'>;

export function manifestPathFor(filePath: string): string {
  return filePath + MANIFEST_SUFFIX;
}

/**
 * Writes `<file>.manifest.json` for a file that `downloadVerified` has just verified. Built field by
 * field, so nothing but these fields (never a key) can reach the file; an existing manifest is
 * never replaced.
 */
export async function writeManifest(
  filePath: string,
  verified: { sizeBytes: number; sha256: string },
  input: ManifestInput,
): Promise<{ manifestPath: string; manifest: CustodyManifest }> {
  const manifest = custodyManifestSchema.parse({
    manifestVersion: 1,
    exportId: input.exportId,
    rerunOf: input.rerunOf,
    type: input.type,
    format: input.format,
    filters: input.filters,
    label: input.label,
    profile: { name: input.profile.name, baseUrl: withoutCredentials(input.profile.baseUrl) },
    requestIds: { create: input.requestIds.create, completingGet: input.requestIds.completingGet },
    createdAt: input.createdAt,
    completedAt: input.completedAt,
    downloadedAt: input.downloadedAt,
    file: { name: path.basename(filePath), sizeBytes: verified.sizeBytes, sha256: verified.sha256.toLowerCase() },
    verified: true,
    app: { name: input.app.name, version: input.app.version },
  });
  const manifestPath = manifestPathFor(filePath);
  await writeNewFileAtomically(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifestPath, manifest };
}

/** A base URL may carry `user:password@` or a query; the manifest keeps only where the data came from. */
function withoutCredentials(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** Temp file, flushed, then linked into place: readers see the whole manifest or none. */
async function writeNewFileAtomically(target: string, content: string): Promise<void> {
  const temp = `${target}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await commitWithoutOverwrite(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}

async function commitWithoutOverwrite(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') throw new ManifestError('manifest_exists', `${path.basename(target)} already exists; it was left untouched.`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    // No hard links on this file system: check, then rename (the only atomic step left).
    if (await exists(target)) throw new ManifestError('manifest_exists', `${path.basename(target)} already exists; it was left untouched.`);
    await rename(temp, target);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

export async function readManifest(manifestPath: string): Promise<CustodyManifest> {
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') {
      throw new ManifestError('manifest_missing', `No manifest found at ${manifestPath}; the file cannot be verified without it.`);
    }
    throw new ManifestError('manifest_invalid', `${manifestPath} cannot be read (${errnoCode(err) ?? 'unknown error'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ManifestError('manifest_invalid', `${manifestPath} is not valid JSON; it cannot be used to verify the file.`);
  }
  const parsed = custodyManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'manifest';
    throw new ManifestError('manifest_invalid', `${manifestPath} is not a valid custody manifest (${where}: ${issue?.message ?? 'invalid'}).`);
  }
  return parsed.data;
}

export interface VerifyResult {
  ok: boolean;
  filePath: string;
  manifestPath: string;
  manifest: CustodyManifest;
  expected: { sizeBytes: number; sha256: string };
  actual: { sizeBytes: number; sha256: string };
  /** One line for the user. */
  message: string;
}

/** Re-hashes a file and compares it with its manifest. Accepts the file or the manifest's path. */
export async function verifyAgainstManifest(filePath: string): Promise<VerifyResult> {
  const dataPath = filePath.endsWith(MANIFEST_SUFFIX) ? filePath.slice(0, -MANIFEST_SUFFIX.length) : filePath;
  const manifestPath = manifestPathFor(dataPath);
  const manifest = await readManifest(manifestPath);
  let actual: { sizeBytes: number; sha256: string };
  try {
    actual = await hashWholeFile(dataPath);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') throw new ManifestError('file_missing', `${dataPath} does not exist; only its manifest was found.`);
    throw err;
  }
  const expected = { sizeBytes: manifest.file.sizeBytes, sha256: manifest.file.sha256 };
  const ok = actual.sizeBytes === expected.sizeBytes && actual.sha256 === expected.sha256;
  const name = path.basename(dataPath);
  const message = ok
    ? `${name} is intact: ${actual.sizeBytes} bytes, sha256 ${actual.sha256} as recorded for export ${manifest.exportId}.`
    : `${name} does NOT match its manifest: expected ${expected.sizeBytes} bytes with sha256 ${expected.sha256}, found ${actual.sizeBytes} bytes with ${actual.sha256}.`;
  return { ok, filePath: dataPath, manifestPath, manifest, expected, actual, message };
}
