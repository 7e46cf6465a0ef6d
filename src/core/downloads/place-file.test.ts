import { mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeNoOverwrite } from './place-file';

let dir: string;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(tmpdir(), 'pxe-place-')));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function part(content: string): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.part`);
  await writeFile(file, content);
  return file;
}

describe('placeNoOverwrite', () => {
  it('moves into the free name and removes the source', async () => {
    const source = await part('data');
    const final = await placeNoOverwrite(source, dir, 'report.csv');
    expect(final).toBe(path.join(dir, 'report.csv'));
    expect(await readFile(final, 'utf8')).toBe('data');
    expect(await readdir(dir)).toEqual(['report.csv']);
  });

  it('never overwrites an existing file: report (1).csv, report (2).csv', async () => {
    await writeFile(path.join(dir, 'report.csv'), 'mine');
    await writeFile(path.join(dir, 'report (1).csv'), 'also mine');
    const final = await placeNoOverwrite(await part('new'), dir, 'report.csv');
    expect(path.basename(final)).toBe('report (2).csv');
    expect(await readFile(path.join(dir, 'report.csv'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(dir, 'report (1).csv'), 'utf8')).toBe('also mine');
    expect(await readFile(final, 'utf8')).toBe('new');
  });

  it('treats a dangling symlink as taken', async () => {
    const { symlink } = await import('node:fs/promises');
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'report.csv'));
    const final = await placeNoOverwrite(await part('new'), dir, 'report.csv');
    expect(path.basename(final)).toBe('report (1).csv');
  });

  it('skips a name whose companion (a stale manifest) exists', async () => {
    await writeFile(path.join(dir, 'report.csv.manifest.json'), '{}');
    const final = await placeNoOverwrite(await part('new'), dir, 'report.csv', { companions: ['.manifest.json'] });
    expect(path.basename(final)).toBe('report (1).csv');
  });

  it('gives concurrent placements of the same name distinct files', async () => {
    const sources = await Promise.all(Array.from({ length: 8 }, (_, i) => part(`copy ${i}`)));
    const finals = await Promise.all(sources.map((s) => placeNoOverwrite(s, dir, 'report.csv')));
    expect(new Set(finals).size).toBe(8);
    const contents = await Promise.all(finals.map((f) => readFile(f, 'utf8')));
    expect(new Set(contents).size).toBe(8);
  });

  // Only a FAT/exFAT volume refuses hard links; none can be mounted here, so the refusal is injected.
  it('falls back to an exclusive reservation where hard links are unsupported', async () => {
    const noLinks = () => Promise.reject(Object.assign(new Error('link not supported'), { code: 'EPERM' }));
    await writeFile(path.join(dir, 'report.csv'), 'mine');
    const final = await placeNoOverwrite(await part('new'), dir, 'report.csv', { link: noLinks });
    expect(path.basename(final)).toBe('report (1).csv');
    expect(await readFile(path.join(dir, 'report.csv'), 'utf8')).toBe('mine');
    expect(await readFile(final, 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['report (1).csv', 'report.csv']);
  });
});
