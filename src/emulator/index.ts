/**
 * A local PlatformXE: the Exports API, signed downloads and a test admin, over real HTTP.
 * Everything is wired here; each capability lives in its own module.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdmin } from './admin';
import { createApi } from './api';
import { createKeyring, DEMO_KEYS } from './auth';
import { createEmulatorClock } from './clock';
import { createDownloadHandler } from './downloads';
import { createExportsStore } from './exports-store';
import { createFaults } from './faults';
import { createProcessor } from './processor';
import { createRateLimiter } from './rate-limit';
import { createRecorder } from './recorder';
import { createEmulatorServer } from './server';
import { createSigner } from './signing';
import type { EmulatorOptions, RunningEmulator } from './types';

export type { EmulatorAdmin, EmulatorOptions, JobErrorInput, ProcessorSettings, RecordedRequest, RunningEmulator } from './types';
export { ACTIONS, ACTORS } from './audit-data';
export { DEMO_KEYS } from './auth';

/** About 3 MB of csv per day of range: a 1-day export is a few MB and takes a second or two. */
export const DEFAULT_ROWS_PER_DAY = 15_000;
const RETENTION_SWEEP_MS = 60_000;

function checkOptions(opts: EmulatorOptions): void {
  const rules: [keyof EmulatorOptions, number, number][] = [
    ['port', 0, 65535],
    ['urlTtlSeconds', 1, Number.MAX_SAFE_INTEGER],
    ['rowsPerDay', 0, Number.MAX_SAFE_INTEGER],
    ['jobMinDurationMs', 0, Number.MAX_SAFE_INTEGER],
  ];
  for (const [name, min, max] of rules) {
    const value = opts[name];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < min || (value as number) > max)) {
      throw new RangeError(`startEmulator: ${name} must be an integer from ${min} to ${max}`);
    }
  }
  if (opts.rateLimit !== undefined && !(opts.rateLimit >= 0)) throw new RangeError('startEmulator: rateLimit must be 0 or more');
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(opts);
  const clock = createEmulatorClock();
  const ownsDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'pxe-emulator-'));
  mkdirSync(dataDir, { recursive: true });
  const rowsPerDay = opts.rowsPerDay ?? DEFAULT_ROWS_PER_DAY;
  const signer = createSigner();
  const keyring = createKeyring(opts.keys ?? DEMO_KEYS);
  const store = createExportsStore(clock.now);
  const faults = createFaults();
  const recorder = createRecorder(clock.now);
  let baseUrl = '';
  const processor = createProcessor(
    {
      store,
      now: clock.now,
      realNow: () => performance.now(),
      dataDir,
      rowsPerDay,
      minDurationMs: opts.jobMinDurationMs ?? 1500,
      urlTtlSeconds: opts.urlTtlSeconds ?? 3600,
      signDownload: (id, name, expires) => signer.url(baseUrl, signer.filePath(id, name), expires),
    },
    opts.processor,
  );
  const shutdown = new AbortController();
  const admin = createAdmin({ faults, processor, store, clock, recorder, rowsPerDay });
  const api = createApi({ keyring, limiter: createRateLimiter(opts.rateLimit ?? 25, clock.now), store, processor, now: clock.now });
  const server = createEmulatorServer({
    api,
    download: createDownloadHandler({ store, signer, now: clock.now, faults }),
    faults,
    recorder,
    admin: opts.admin ? admin : null,
    closing: shutdown.signal,
  });

  const host = opts.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await listen(server, opts.port ?? 0, host);
  } catch (err) {
    await processor.close();
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  baseUrl = `http://${urlHost(host)}:${port}`;
  const sweeper = setInterval(() => store.sweep(), RETENTION_SWEEP_MS);
  sweeper.unref();

  let closing: Promise<void> | null = null;
  return {
    baseUrl,
    keys: keyring.list().map((k) => ({ token: k.token, scopes: [...k.scopes] })),
    dataDir,
    admin,
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        shutdown.abort();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([stopped, processor.close()]);
        if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

/** A wildcard bind is reached through loopback; IPv6 literals need brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
