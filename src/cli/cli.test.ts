import { execFile, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../emulator';
import { DEFAULT_KEYCHAIN_SERVICE } from '../core/secrets';
import { shouldRunKeychainTests } from '../core/secrets/keychain-test-support';

const BIN = path.resolve(import.meta.dirname, '../../bin/pxe-exports.mjs');
const CANARY = `pxe_cli_canary_${randomUUID().replaceAll('-', '')}`;
const READ_ONLY = 'pxe_cli_read_only_key_0001';
const RANGE = ['--from', '2026-03-01T00:00:00Z', '--to', '2026-03-02T00:00:00Z'];
const keychain = await shouldRunKeychainTests('pxe-exports CLI tests');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let emulator: RunningEmulator;
let root: string;
let configDir: string;
const outputs: string[] = [];

/** Runs the real CLI as a child process with its own config folder and no key in the environment. */
function cli(args: string[], opts: { input?: string; onStart?: (child: ReturnType<typeof spawn>) => void } = {}): Promise<Run> {
  const env = { ...process.env, PXE_CONFIG_DIR: configDir, PLATFORMXE_API_KEY: '' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      outputs.push(stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
    opts.onStart?.(child);
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

async function secretToolLookup(account: string): Promise<string | null> {
  try {
    return (await promisify(execFile)('secret-tool', ['lookup', 'service', DEFAULT_KEYCHAIN_SERVICE, 'account', account])).stdout;
  } catch {
    return null;
  }
}

async function storedProfiles(): Promise<{ id: string; name: string; baseUrl: string }[]> {
  try {
    return (JSON.parse(await readFile(path.join(configDir, 'settings.json'), 'utf8')) as { profiles?: [] }).profiles ?? [];
  } catch {
    return [];
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function expectOneLineError(run: Run, code: number): void {
  expect(run.code, run.stderr).toBe(code);
  expect(lines(run.stderr), `${run.stderr}\n${run.stdout}`).toHaveLength(1);
  expect(run.stderr).toMatch(/^pxe-exports: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    keys: { [CANARY]: ['exports:create'], [READ_ONLY]: ['exports:read'] },
    jobMinDurationMs: 200,
    rateLimit: 0,
    rowsPerDay: 3000,
  });
  root = await realpath(await mkdtemp(path.join(tmpdir(), 'pxe-cli-')));
  configDir = path.join(root, 'config');
});

afterAll(async () => {
  if (keychain.run) await cli(['auth', 'clear']);
  await emulator.close();
  await rm(root, { recursive: true, force: true });
});

describe('pxe-exports without a key', () => {
  it('shows help for every command, with the exit codes', async () => {
    const main = await cli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Exit codes:');
    expect(main.stdout).toMatch(/5\s+download or integrity failure/);
    for (const command of [['auth', 'set'], ['create'], ['get'], ['wait'], ['download'], ['jobs'], ['verify'], ['processor', 'set']]) {
      const help = await cli([...command, '--help']);
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout).toContain('Usage: pxe-exports');
    }
  });

  it('refuses bad input with exit 2 and one line, before touching the network', async () => {
    emulator.admin.clearRequests();
    const notADate = await cli(['create', '--type', 'AUDIT_LOGS', '--format', 'csv', '--from', 'yesterday', '--to', '2026-03-02T00:00:00Z']);
    const backwards = await cli(['create', '--type', 'AUDIT_LOGS', '--format', 'csv', '--from', '2026-03-02T00:00:00Z', '--to', '2026-03-01T00:00:00Z']);
    const unknownFormat = await cli(['create', '--type', 'AUDIT_LOGS', '--format', 'xml', ...RANGE]);
    const bounds = await cli(['processor', 'set', '--max-concurrent-jobs', '11']);
    const notWhole = await cli(['processor', 'set', '--retention-days', '2.5']);

    expectOneLineError(notADate, 2);
    expect(notADate.stderr).toContain('RFC 3339');
    expectOneLineError(backwards, 2);
    expect(backwards.stderr).toContain('filters.to: `from` must be before `to`');
    expectOneLineError(unknownFormat, 2);
    expect(unknownFormat.stderr).toContain('csv, json, ndjson');
    expectOneLineError(bounds, 2);
    expect(bounds.stderr).toContain('config.maxConcurrentJobs: must be from 1 to 10');
    expectOneLineError(notWhole, 2);
    expect(emulator.admin.requests()).toEqual([]);
  });

  it('says what to do when no profile exists', async () => {
    const run = await cli(['jobs', '--profile', 'nowhere']);
    expectOneLineError(run, 2);
    expect(run.stderr).toContain('auth set --profile nowhere --base-url URL');
  });
});

describe.runIf(keychain.run)('pxe-exports with the real keychain and the emulator', () => {
  it('refuses a bad key with exit 3 and stores nothing', async () => {
    const rejected = await cli(['auth', 'set', '--base-url', emulator.baseUrl], { input: 'pxe_not_a_real_key_123456\n' });
    const noScope = await cli(['auth', 'set', '--base-url', emulator.baseUrl], { input: `${READ_ONLY}\n` });

    expectOneLineError(rejected, 3);
    expect(rejected.stderr).toContain('was not accepted');
    expectOneLineError(noScope, 3);
    expect(noScope.stderr).toContain('exports:create');
    expect(await storedProfiles()).toEqual([]);
  });

  it('stores a good key in the keychain and shows only its masked hint', async () => {
    const set = await cli(['auth', 'set', '--base-url', emulator.baseUrl], { input: `${CANARY}\n` });
    const status = await cli(['auth', 'status']);

    expect(set.code, set.stderr).toBe(0);
    const [profile] = await storedProfiles();
    expect(profile).toMatchObject({ name: 'default', baseUrl: emulator.baseUrl });
    const hint = `pxe_…${CANARY.slice(-4)}`;
    expect(set.stdout).toContain(hint);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`default  ${emulator.baseUrl}  key ${hint} (keychain)`);
    if (process.platform === 'linux') expect(await secretToolLookup(profile!.id)).toBe(CANARY);
  });

  it('creates, waits, downloads and verifies in one command; verify catches tampering', async () => {
    const dir = path.join(root, 'exports');
    const run = await cli(['create', '--type', 'AUDIT_LOGS', '--format', 'csv', ...RANGE, '--label', 'Case 7', '--wait', '--download', dir]);

    expect(run.code, run.stderr).toBe(0);
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(2);
    const [file, manifestName] = names as [string, string];
    expect(manifestName).toBe(`${file}.manifest.json`);
    const manifest = JSON.parse(await readFile(path.join(dir, manifestName), 'utf8')) as { file: { sha256: string }; exportId: string; label: string };
    expect(await sha256(path.join(dir, file))).toBe(manifest.file.sha256);
    expect(manifest.label).toBe('Case 7');
    expect(run.stdout).toContain(`Saved    ${path.join(dir, file)}`);
    expect(run.stdout).toContain(`Manifest ${path.join(dir, manifestName)}`);

    const ok = await cli(['verify', path.join(dir, file)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('is intact');

    await appendFile(path.join(dir, file), 'x');
    const tampered = await cli(['verify', path.join(dir, file)]);
    expectOneLineError(tampered, 5);
    expect(tampered.stderr).toContain('does NOT match its manifest');

    const get = await cli(['get', manifest.exportId]);
    expect(get.code, get.stderr).toBe(0);
    expect(get.stdout).toContain(`${manifest.exportId}  COMPLETE`);
    const jobs = await cli(['jobs']);
    expect(jobs.stdout).toContain(manifest.exportId);
  });

  it('exits 4 with one line when the export fails on the server', async () => {
    emulator.admin.failNextJobs(1, { code: 'source_unavailable', message: 'The audit store was unavailable.' });
    const run = await cli(['create', '--type', 'AUDIT_LOGS', '--format', 'csv', ...RANGE, '--filter', 'action=login', '--wait']);

    expect(run.code, run.stderr).toBe(4);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^pxe-exports: Export exp_\w+ failed on the server: The audit store was unavailable\. \(source_unavailable\)/)]);
  });

  it('emits parseable JSON lines with --json', async () => {
    const dir = path.join(root, 'json');
    const run = await cli(['--json', 'create', '--type', 'AUDIT_LOGS', '--format', 'ndjson', ...RANGE, '--download', dir]);

    expect(run.code, run.stderr).toBe(0);
    const events = lines(run.stdout).map((l) => JSON.parse(l) as { type: string; job?: { id: string; server: Record<string, unknown> } });
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('created');
    expect(types).toContain('downloaded');
    expect(types.at(-1)).toBe('result');
    const result = events.at(-1)!;
    expect(result.job?.server).not.toHaveProperty('downloadUrl');

    const failed = await cli(['--json', 'processor', 'set', '--retention-days', '400']);
    expect(failed.code).toBe(2);
    expect(JSON.parse(lines(failed.stdout)[0]!)).toMatchObject({ type: 'error', code: 'invalid_processor_config', exitCode: 2 });
  });

  it('exits 130 on Ctrl-C during a download, keeps the .part, and resumes it later', async () => {
    const dir = path.join(root, 'interrupted');
    emulator.admin.stallDownloadsAfter(120_000, 60_000, 1);
    const interrupted = await cli(['create', '--type', 'AUDIT_LOGS', '--format', 'json', ...RANGE, '--download', dir], {
      onStart: (child) => {
        void (async () => {
          for (let i = 0; i < 600; i++) {
            const part = (await readdir(dir).catch(() => [] as string[])).find((n) => n.endsWith('.part'));
            if (part && (await stat(path.join(dir, part))).size > 0) break;
            await sleep(50);
          }
          child.kill('SIGINT');
        })();
      },
    });

    expectOneLineError(interrupted, 130);
    expect(interrupted.stderr).toMatch(/partial download is kept.*pxe-exports download exp_\w+/);
    const [part] = await readdir(dir);
    expect(part).toMatch(/\.json\.part$/);
    const id = /pxe-exports download (exp_\w+)/.exec(interrupted.stderr)![1]!;

    emulator.admin.clearRequests();
    const resumed = await cli(['download', id, '--dir', dir]);

    expect(resumed.code, resumed.stderr).toBe(0);
    const ranges = emulator.admin.requests().filter((r) => r.path.startsWith('/files/'));
    expect(ranges).toHaveLength(1);
    expect(ranges[0]?.range).toMatch(/^bytes=[1-9]\d*-$/);
    const names = (await readdir(dir)).sort();
    expect(names.some((n) => n.endsWith('.part'))).toBe(false);
    expect(names).toHaveLength(2);
  });

  it('never writes the key to the config folder or prints it', async () => {
    const files = await filesUnder(configDir);
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('jobs.json'))).toBe(true);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(CANARY);
    for (const output of outputs) expect(output).not.toContain(CANARY);
  });
});
