/**
 * For src/main tests only: the real runtime (engine, profiles, keychain, files) against an emulator
 * on loopback, with the desktop recorded and the events sent to the renderer collected.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { dispatch, type ChannelName, type IpcResult } from '../shared/ipc';
import { createKeytarSecretStore } from '../core/secrets';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';
import { createRecordingDesktop, type RecordingDesktop } from './ipc/recording-desktop';
import { createToIpcError } from './ipc/to-ipc-error';
import { createRuntime, type Runtime } from './runtime/create-runtime';
import { externalDemoServer } from './runtime/demo-workspace';

export interface TestRuntime {
  runtime: Runtime;
  emulator: RunningEmulator;
  desktop: RecordingDesktop;
  /** Events as the renderer would receive them: [wire channel, payload]. */
  sent: Array<[string, unknown]>;
  dir: string;
  downloadsDir: string;
  demoKey: string;
  /** Calls a channel the way the renderer does: through dispatch, with raw arguments. */
  call<T = unknown>(name: ChannelName, args?: unknown): Promise<IpcResult<T>>;
  close(): Promise<void>;
}

export async function startTestRuntime(options: { emulator?: EmulatorOptions } = {}): Promise<TestRuntime> {
  const dir = await mkdtemp(join(tmpdir(), 'pxe-main-'));
  const downloadsDir = join(dir, 'Downloads');
  await mkdir(downloadsDir);
  const emulator = await startEmulator({ port: 0, rowsPerDay: 500, jobMinDurationMs: 300, rateLimit: 0, ...options.emulator });
  const demoKey = emulator.keys.find((k) => k.scopes.includes('exports:create'))!.token;
  const keychain = createKeytarSecretStore({ service: `pxe-main-test-${randomUUID()}` });
  const desktop = createRecordingDesktop();
  const sent: Array<[string, unknown]> = [];
  const settingsStore = new Conf({ cwd: dir, configName: 'settings' });
  const runtime = await createRuntime({
    dataDir: dir,
    settingsStore,
    secrets: { store: keychain, storage: 'keychain', problem: null },
    fetch: globalThis.fetch,
    desktop,
    send: (channel, payload) => sent.push([channel, payload]),
    app: { productName: 'PlatformXE Export Manager', version: '0.0.0-test', platform: 'linux' },
    defaultDownloadDir: downloadsDir,
    startDemoServer: externalDemoServer(emulator.baseUrl, demoKey),
  });
  const toError = createToIpcError({ log: () => undefined });
  return {
    runtime,
    emulator,
    desktop,
    sent,
    dir,
    downloadsDir,
    demoKey,
    call: (name, args) => dispatch(name, args, runtime.handlers, undefined, toError) as never,
    async close() {
      await runtime.stop();
      await Promise.all(runtime.profiles.list().map((p) => keychain.delete(p.id)));
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
