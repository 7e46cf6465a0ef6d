/**
 * The built Electron main bundle (out/main, from `npm run build`) boots and wires itself: the
 * Electron binary cannot be installed here, so only Electron's API is replaced (by
 * test/support/electron-stub); the runtime, keychain, emulator and files behind it are real.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { channels, invokeChannel, type ChannelName } from '../src/shared/ipc';

const run = promisify(execFile);
const bundle = resolve('out/main/index.js');
const stub = resolve('test/support/electron-stub');
let userData: string | null = null;

afterEach(async () => {
  if (userData) await rm(userData, { recursive: true, force: true });
});

it('the main bundle starts: every IPC channel handled, a hardened window, and a Demo workspace on first run', async () => {
  expect(existsSync(bundle), 'out/main/index.js is missing: run `npm run build` first').toBe(true);
  userData = await mkdtemp(join(tmpdir(), 'pxe-boot-'));

  const { stdout } = await run(process.execPath, ['--import', join(stub, 'register.mjs'), join(stub, 'boot.mjs'), bundle], {
    env: { ...process.env, PXE_STUB_USER_DATA: userData },
    timeout: 30_000,
  });
  const booted = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    handles: string[];
    windows: Record<string, unknown>[];
    loaded: string[];
    exitCode: number | null;
  };

  expect(booted.exitCode).toBeNull();
  const expected = (Object.keys(channels) as ChannelName[]).map(invokeChannel).sort();
  expect([...booted.handles].sort()).toEqual(expected);
  expect(booted.windows).toHaveLength(1);
  expect(booted.windows[0]).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  expect(booted.loaded).toEqual([resolve('out/renderer/index.html')]);

  const settings = JSON.parse(await readFile(join(userData, 'userData', 'settings.json'), 'utf8')) as {
    profiles: { name: string; demo?: boolean; baseUrl: string }[];
  };
  expect(settings.profiles).toEqual([expect.objectContaining({ name: 'Demo', demo: true, baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) })]);
  expect(await readFile(join(userData, 'userData', 'settings.json'), 'utf8')).not.toMatch(/pxe_demo/);
});
