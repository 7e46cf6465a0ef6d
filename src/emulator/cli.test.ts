import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';
import { assertMatchesContract } from '../../test/support/openapi-validator';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const node = (args: string[]) => [process.execPath, ['--import', 'tsx', CLI, ...args]] as const;

describe('parseCliArgs', () => {
  it('reads every flag', () => {
    expect(
      parseCliArgs(['--port', '0', '--host', '::1', '--key', 'pxe_a=exports:create', '--key', 'pxe_b=exports:read,exports:list', '--url-ttl', '60', '--rows-per-day', '5', '--rate-limit', '0', '--data-dir', '/tmp/x', '--admin']),
    ).toEqual({
      help: false,
      port: 0,
      host: '::1',
      keys: { pxe_a: ['exports:create'], pxe_b: ['exports:read', 'exports:list'] },
      urlTtlSeconds: 60,
      rowsPerDay: 5,
      rateLimit: 0,
      dataDir: '/tmp/x',
      admin: true,
    });
  });

  it('defaults to port 4010 on loopback with the demo keys', () => {
    expect(parseCliArgs([])).toMatchObject({ port: 4010, host: '127.0.0.1', keys: undefined, admin: false });
  });

  it.each([
    [['--port', 'abc'], /--port must be an integer from 0 to 65535/],
    [['--port', '70000'], /--port/],
    [['--key', 'nokey'], /--key must look like TOKEN=SCOPE/],
    [['--url-ttl', '0'], /--url-ttl must be an integer from 1/],
    [['--rate-limit', '-1'], /--rate-limit/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /Unexpected argument/],
  ])('rejects %j', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});

describe('the emulator command', () => {
  it('prints its URL and keys, serves the API, and exits 0 on SIGTERM removing its temp dir', { timeout: 30_000 }, async () => {
    const [cmd, args] = node(['--port', '0', '--key', 'pxe_a=exports:create', '--key', 'pxe_b=exports:read', '--url-ttl', '60']);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      while (!/Press Ctrl\+C/.test(out)) {
        if (child.exitCode !== null) throw new Error(`exited early: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const baseUrl = /listening on (http:\/\/\S+)/.exec(out)?.[1] as string;
      const dataDir = /Data dir: (\S+)/.exec(out)?.[1] as string;
      expect(out).toMatch(/pxe_a {2}exports:create/);
      expect(out).toMatch(/pxe_b {2}exports:read/);
      const res = await fetch(`${baseUrl}/v1/exports/processor`, { headers: { Authorization: 'Bearer pxe_a' } });
      assertMatchesContract('GET', '/v1/exports/processor', res.status, res.headers, await res.json());
      expect(res.status).toBe(200);
      expect(existsSync(dataDir)).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('answers a bad flag with one line on stderr and exit code 2', () => {
    const [cmd, args] = node(['--port', 'nope']);
    const result = spawnSync(cmd, args, { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual(['emulator: --port must be an integer from 0 to 65535, got "nope" (see --help)']);
  });
});
