import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError } from './errors';
import { MAX_NAME_BYTES, isDirectlyInside, numberedName, resolveInsideFolder, sanitizeFileName } from './file-names';

let root: string;
let folder: string;

beforeAll(async () => {
  root = await realpath(await mkdtemp(path.join(tmpdir(), 'pxe-names-')));
  folder = path.join(root, 'downloads');
  await mkdir(folder);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('sanitizeFileName', () => {
  const hostile: Array<[string, string]> = [
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['/etc/cron.d/job', 'job'],
    ['C:\\Users\\me\\report.csv', 'report.csv'],
    ['C:report.csv', 'report.csv'],
    ['\\\\server\\share\\x.csv', 'x.csv'],
    ['..', 'export'],
    ['../', 'export'],
    ['.', 'export'],
    ['', 'export'],
    ['   ', 'export'],
    ['...', 'export'],
    ['a\u0000b.csv', 'ab.csv'],
    ['line\nbreak\r.csv', 'linebreak.csv'],
    ['tab\there.csv', 'tabhere.csv'],
    ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
    ['a\u200E\u200F\u2066\u2067\u2068\u2069\u200B\uFEFFb.csv', 'ab.csv'],
    ['CON', '_CON'],
    ['con.csv', '_con.csv'],
    ['Aux.tar.gz', '_Aux.tar.gz'],
    ['NUL .csv', '_NUL .csv'],
    ['com1.csv', '_com1.csv'],
    ['LPT9', '_LPT9'],
    ['console.csv', 'console.csv'],
    ['COM10.csv', 'COM10.csv'],
    ['report.csv. . .', 'report.csv'],
    ['report.csv   ', 'report.csv'],
    ['.hidden.csv', 'hidden.csv'],
    ['a<b>c:d"e|f?g*h.csv', 'a_b_c_d_e_f_g_h.csv'],
    ['file.csv:stream', 'file.csv_stream'],
    ['AUDIT_LOGS_2026-03-01_2026-03-02_exp_1.csv', 'AUDIT_LOGS_2026-03-01_2026-03-02_exp_1.csv'],
    ['données été.csv', 'données été.csv'],
  ];

  it.each(hostile)('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('caps a 300-character name at the byte limit and keeps the extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(300)}.csv`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name.endsWith('.csv')).toBe(true);
    expect(name.startsWith('aaaa')).toBe(true);
  });

  it('cuts multi-byte names on character boundaries', () => {
    const name = sanitizeFileName(`${'é'.repeat(200)}${'😀'.repeat(50)}.ndjson`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name.endsWith('.ndjson')).toBe(true);
    expect(name).not.toContain('\uFFFD');
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
  });

  it('drops a hostile over-long extension rather than the whole name', () => {
    const name = sanitizeFileName(`report.${'x'.repeat(400)}`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name.startsWith('report.')).toBe(true);
  });

  it('is idempotent and never returns a name with separators, controls or reserved stems', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const once = sanitizeFileName(raw);
        expect(sanitizeFileName(once)).toBe(once);
        expect(once.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(once)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(once).not.toMatch(/[/\\<>:"|?*\p{Cc}\p{Cf}]/u);
        expect(once).not.toMatch(/^[. ]|[. ]$/);
        expect(once.split('.')[0]?.trimEnd()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('resolveInsideFolder', () => {
  it('keeps every name, however hostile, directly inside the real folder (property)', async () => {
    const pathy = fc.array(fc.constantFrom('..', '.', '/', '\\', 'C:', 'CON', '\u202E', '\u0000', 'a', 'é', ' ', '..\\', '../', '~'), {
      maxLength: 30,
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), pathy.map((parts) => parts.join(''))), async (raw) => {
        const target = await resolveInsideFolder(folder, raw);
        expect(path.dirname(target)).toBe(folder);
        expect(isDirectlyInside(folder, target)).toBe(true);
        expect(path.relative(folder, target).startsWith('..')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('resolves the folder through symlinks first', async () => {
    const link = path.join(root, 'link-to-downloads');
    await symlink(folder, link);
    expect(await resolveInsideFolder(link, '../x.csv')).toBe(path.join(folder, 'x.csv'));
  });

  it('says what to do when the folder is missing or is a file', async () => {
    const missing = path.join(root, 'nope');
    await expect(resolveInsideFolder(missing, 'a.csv')).rejects.toMatchObject({ code: 'folder_missing' });
    const file = path.join(root, 'plain-file');
    await writeFile(file, 'x');
    const err = await resolveInsideFolder(path.join(file, 'sub'), 'a.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).code).toBe('folder_missing');
    expect((err as DownloadError).message).toMatch(/create it or choose another folder/);
  });
});

describe('numberedName', () => {
  it('numbers before the extension', () => {
    expect(numberedName('report.csv', 0)).toBe('report.csv');
    expect(numberedName('report.csv', 2)).toBe('report (2).csv');
    expect(numberedName('report', 1)).toBe('report (1)');
    expect(numberedName('report.csv.corrupt', 1)).toBe('report.csv (1).corrupt');
  });
});
