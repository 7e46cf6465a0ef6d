/**
 * Throughput of the engine's verified download against curl on the same signed URL, and the
 * engine's peak RSS growth during the transfer. The engine runs in a process of its own, as the CLI
 * does. By default through the CLI's transport (undici's request); `fetch` measures the fetch-based
 * one Electron uses, here over undici's fetch.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPlatformXEClient } from '../src/core/platformxe';
import type { Export } from '../src/shared/wire';
import { startChildEmulator } from './child-emulator';
import type { EngineFigures, EngineFile, EngineRun } from './engine-process';
import { MiB, median, mibPerSecond } from './measure';

const run = promisify(execFile);
/** Bytes per AUDIT_LOGS csv row at the emulator's default mix (measured: 3,050,923 B / 15,000 rows). */
const CSV_BYTES_PER_ROW = 203;

export type Transport = 'cli' | 'fetch';

export interface DownloadFigures {
  transport: string;
  sizeBytes: number;
  engineMiBps: number;
  /** Process CPU (all threads) per GiB of the engine's transfer. */
  engineCpuSecondsPerGiB: number;
  curlMiBps: number;
  /** Reference only: curl, then fdatasync on its file, the durability the engine gives before "verified". */
  curlFdatasyncMiBps: number;
  /** Reference only: curl teeing to disk through sha256sum, i.e. a download checked like the engine's. */
  curlSha256MiBps: number;
  ratio: number;
  peakRssGrowthMiB: number;
  coldPeakRssGrowthMiB: number;
  rounds: number;
}

const WARM_UP_FILTERS = { from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:20:00Z' };
const MEASURED_FILTERS = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };

export async function benchDownload(targetMiB: number, rounds: number, transport: Transport = 'cli'): Promise<DownloadFigures> {
  const rowsPerDay = Math.ceil((targetMiB * MiB) / CSV_BYTES_PER_ROW);
  const emulator = await startChildEmulator({ rowsPerDay, rateLimit: 0, jobMinDurationMs: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'pxe-bench-'));
  try {
    const warmUp = engineFile(await completedExport(emulator.baseUrl, emulator.key, WARM_UP_FILTERS));
    const measured = engineFile(await completedExport(emulator.baseUrl, emulator.key, MEASURED_FILTERS));
    const curlOut = join(dir, 'curl.out');
    const times = { engine: [] as number[], curl: [] as number[], curlFdatasync: [] as number[], curlSha256: [] as number[] };
    let cpuMs = 0;
    let peakRss = 0;
    let coldPeakRss = 0;
    for (let round = 0; round < rounds; round++) {
      times.curl.push(await timed(() => run('curl', ['--silent', '--show-error', '--fail', '--output', curlOut, measured.url])));
      times.curlFdatasync.push(await timed(() => run('bash', ['-c', 'curl --silent --show-error --fail --output "$2" "$1" && sync --data "$2"', 'curl-sync', measured.url, curlOut])));
      times.curlSha256.push(await timed(() => run('bash', ['-o', 'pipefail', '-c', 'curl --silent --show-error --fail "$1" | tee "$2" | sha256sum >/dev/null', 'curl-sha256', measured.url, curlOut])));
      await rm(curlOut, { force: true });
      await settleDisk();
      const engine = await runEngine({ dir, transport, warmUp, measured });
      times.engine.push(engine.ms);
      cpuMs += engine.cpuMs;
      peakRss = Math.max(peakRss, engine.peakRssGrowthBytes);
      coldPeakRss = Math.max(coldPeakRss, engine.coldPeakRssGrowthBytes);
      await rm(join(dir, measured.fileName), { force: true });
    }
    const engineMiBps = mibPerSecond(measured.sizeBytes, median(times.engine));
    const curlMiBps = mibPerSecond(measured.sizeBytes, median(times.curl));
    return {
      transport: TRANSPORT_NAMES[transport],
      sizeBytes: measured.sizeBytes,
      engineMiBps,
      engineCpuSecondsPerGiB: cpuMs / 1000 / rounds / (measured.sizeBytes / (1024 * MiB)),
      curlMiBps,
      curlFdatasyncMiBps: mibPerSecond(measured.sizeBytes, median(times.curlFdatasync)),
      curlSha256MiBps: mibPerSecond(measured.sizeBytes, median(times.curlSha256)),
      ratio: engineMiBps / curlMiBps,
      peakRssGrowthMiB: peakRss / MiB,
      coldPeakRssGrowthMiB: coldPeakRss / MiB,
      rounds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}

const TRANSPORT_NAMES: Record<Transport, string> = {
  cli: "the CLI's: undici request through EnvHttpProxyAgent",
  fetch: "httpGetFromFetch over undici fetch (the shape of Electron's net.fetch path)",
};

async function completedExport(baseUrl: string, apiKey: string, filters: { from: string; to: string }): Promise<Export> {
  const client = createPlatformXEClient({ baseUrl, apiKey });
  let job: Export = await client.exports.create({ type: 'AUDIT_LOGS', format: 'csv', filters });
  while (job.status === 'PROCESSING') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = await client.exports.get(job.id);
  }
  if (job.status !== 'COMPLETE' || !job.downloadUrl || !job.file) throw new Error(`the benchmark export ended ${job.status}`);
  return job;
}

function engineFile(job: Export): EngineFile {
  return { url: job.downloadUrl!, fileName: job.file!.name, sizeBytes: job.file!.sizeBytes, sha256: job.file!.sha256 };
}

async function runEngine(work: EngineRun): Promise<EngineFigures> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/engine-process.ts', JSON.stringify(work)]);
  return JSON.parse(stdout) as EngineFigures;
}

/**
 * Every transfer starts with nothing dirty left by the one before, so none pays for another's
 * writeback: the engine flushes its file before calling it verified, and otherwise waited for curl's too.
 */
async function settleDisk(): Promise<void> {
  await run('sync', []);
}

/** Timed from a settled disk. */
async function timed(transfer: () => Promise<unknown>): Promise<number> {
  await settleDisk();
  const t0 = performance.now();
  await transfer();
  return performance.now() - t0;
}
