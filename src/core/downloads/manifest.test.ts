import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManifestError } from './errors';
import { custodyManifestSchema, manifestPathFor, readManifest, verifyAgainstManifest, writeManifest, type ManifestInput } from './manifest';

let dir: string;
const content = 'id,actor,action\n1,alice,login\n';
const sha256 = createHash('sha256').update(content).digest('hex');

const input: ManifestInput = {
  exportId: 'exp_new',
  rerunOf: 'exp_old',
  type: 'AUDIT_LOGS',
  format: 'csv',
  filters: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z', actor: 'alice' },
  label: 'Matter 42',
  profile: { name: 'Production', baseUrl: 'https://ops:hunter2@api.platformxe.test/?token=abc' },
  requestIds: { create: 'req_create', completingGet: 'req_get' },
  createdAt: '2026-03-03T10:00:00Z',
  completedAt: '2026-03-03T10:01:00Z',
  downloadedAt: '2026-03-03T10:02:00Z',
  app: { name: 'PlatformXE Export Manager', version: '0.1.0' },
};

beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(tmpdir(), 'pxe-manifest-')));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function verifiedFile(): Promise<string> {
  const file = path.join(dir, 'AUDIT_LOGS.csv');
  await writeFile(file, content);
  return file;
}

describe('writeManifest', () => {
  it('writes every chain-of-custody field next to the file, and nothing else', async () => {
    const file = await verifiedFile();
    const { manifestPath, manifest } = await writeManifest(file, { sizeBytes: Buffer.byteLength(content), sha256 }, input);
    expect(manifestPath).toBe(`${file}.manifest.json`);
    const onDisk: unknown = JSON.parse(await readFile(manifestPath, 'utf8'));
    expect(onDisk).toEqual(manifest);
    expect(custodyManifestSchema.parse(onDisk)).toEqual(manifest);
    expect(manifest).toMatchObject({
      exportId: 'exp_new',
      rerunOf: 'exp_old',
      label: 'Matter 42',
      requestIds: { create: 'req_create', completingGet: 'req_get' },
      file: { name: 'AUDIT_LOGS.csv', sizeBytes: Buffer.byteLength(content), sha256 },
      verified: true,
      app: { name: 'PlatformXE Export Manager', version: '0.1.0' },
    });
    expect(manifest.profile).toEqual({ name: 'Production', baseUrl: 'https://api.platformxe.test/' });
    expect(await readdir(dir)).toEqual(['AUDIT_LOGS.csv', 'AUDIT_LOGS.csv.manifest.json']);
  });

  it('drops fields that are not part of the manifest (a key can never ride along)', async () => {
    const file = await verifiedFile();
    const sneaky = { ...input, apiKey: 'pxe_canary_SECRET', profile: { ...input.profile, apiKey: 'pxe_canary_SECRET' } };
    const { manifestPath } = await writeManifest(file, { sizeBytes: Buffer.byteLength(content), sha256 }, sneaky as ManifestInput);
    expect(await readFile(manifestPath, 'utf8')).not.toContain('pxe_canary_SECRET');
  });

  it('never replaces an existing manifest', async () => {
    const file = await verifiedFile();
    await writeFile(manifestPathFor(file), 'theirs');
    const err = await writeManifest(file, { sizeBytes: Buffer.byteLength(content), sha256 }, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).code).toBe('manifest_exists');
    expect(await readFile(manifestPathFor(file), 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toHaveLength(2);
  });
});

describe('verifyAgainstManifest', () => {
  it('confirms an intact file, given the file or its manifest', async () => {
    const file = await verifiedFile();
    await writeManifest(file, { sizeBytes: Buffer.byteLength(content), sha256 }, input);
    for (const target of [file, manifestPathFor(file)]) {
      const result = await verifyAgainstManifest(target);
      expect(result.ok).toBe(true);
      expect(result.actual).toEqual(result.expected);
      expect(result.message).toMatch(/is intact/);
    }
  });

  it('reports a file changed after download', async () => {
    const file = await verifiedFile();
    await writeManifest(file, { sizeBytes: Buffer.byteLength(content), sha256 }, input);
    await appendFile(file, '2,mallory,delete\n');
    const result = await verifyAgainstManifest(file);
    expect(result.ok).toBe(false);
    expect(result.actual.sizeBytes).toBeGreaterThan(result.expected.sizeBytes);
    expect(result.message).toMatch(/does NOT match its manifest/);
  });

  it('explains a missing manifest, an invalid one, and a missing file', async () => {
    const file = await verifiedFile();
    await expect(verifyAgainstManifest(file)).rejects.toMatchObject({ code: 'manifest_missing', message: expect.stringMatching(/No manifest found/) });

    await writeFile(manifestPathFor(file), '{not json');
    await expect(verifyAgainstManifest(file)).rejects.toMatchObject({ code: 'manifest_invalid', message: expect.stringMatching(/not valid JSON/) });

    await writeFile(manifestPathFor(file), JSON.stringify({ manifestVersion: 1, exportId: 'x' }));
    await expect(readManifest(manifestPathFor(file))).rejects.toMatchObject({ code: 'manifest_invalid', message: expect.stringMatching(/not a valid custody manifest \(rerunOf/) });

    await rm(manifestPathFor(file));
    await writeManifest(file, { sizeBytes: Buffer.byteLength(content), sha256 }, input);
    await rm(file);
    await expect(verifyAgainstManifest(file)).rejects.toMatchObject({ code: 'file_missing' });
  });
});
