/**
 * Throughput of the engine's verified download against curl on the same signed URL, and the
 * engine's peak RSS growth during the transfer. By default through the CLI's transport (undici's
 * request); `fetch` measures the fetch-based one Electron uses, here over undici's fetch.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCliHttp } from '../src/cli/http';
import { systemClock } from '../src/core/clock';
import { downloadVerified, httpGetFromFetch, type HttpGet } from '../src/core/downloads';
import { createPlatformXEClient } from '../src/core/platformxe';
import type { Export } from '../src/shared/wire';
import { startChildEmulator } from './child-emulator';
import { MiB, median, mibPerSecond, startRssSampler } from './measure';

const run = promisify(execFile);
/** Bytes per AUDIT_LOGS csv row at the emulator's default mix (measured: 3,050,923 B / 15,000 rows). */
const CSV_BYTES_PER_ROW = 203;

export type Transport = 'cli' | 'fetch';

export interface DownloadFigures {
  transport: string;
  sizeBytes: number;
  engineMiBps: number;
  curlMiBps: number;
  /** Reference only: curl teeing to disk through sha256sum, i.e. a download checked like the engine's. */
  curlSha256MiBps: number;
  ratio: number;
  peakRssGrowthMiB: number;
  rounds: number;
}

export async function benchDownload(targetMiB: number, rounds: number, transport: Transport = 'cli'): Promise<DownloadFigures> {
  const rowsPerDay = Math.ceil((targetMiB * MiB) / CSV_BYTES_PER_ROW);
  const emulator = await startChildEmulator({ rowsPerDay, rateLimit: 0, jobMinDurationMs: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'pxe-bench-'));
  const http = createCliHttp();
  const httpGet: HttpGet = transport === 'cli' ? http.httpGet : httpGetFromFetch(http.fetch);
  try {
    const job = await completedExport(emulator.baseUrl, emulator.key);
    const file = job.file!;
    const engineMs: number[] = [];
    const curlMs: number[] = [];
    const curlSha256Ms: number[] = [];
    let peakRss = 0;
    for (let round = 0; round < rounds; round++) {
      curlMs.push(await timeCurl(job.downloadUrl!, join(dir, 'curl.out')));
      curlSha256Ms.push(await timeCurlWithSha256(job.downloadUrl!, join(dir, 'curl.out')));
      await rm(join(dir, 'curl.out'), { force: true });
      const sampler = startRssSampler();
      const t0 = performance.now();
      const result = await downloadVerified({
        url: job.downloadUrl!,
        dir,
        fileName: file.name,
        expected: { sizeBytes: file.sizeBytes, sha256: file.sha256 },
        httpGet,
        clock: systemClock,
      });
      engineMs.push(performance.now() - t0);
      peakRss = Math.max(peakRss, sampler.stop());
      await rm(result.finalPath, { force: true });
    }
    const engineMiBps = mibPerSecond(file.sizeBytes, median(engineMs));
    const curlMiBps = mibPerSecond(file.sizeBytes, median(curlMs));
    const curlSha256MiBps = mibPerSecond(file.sizeBytes, median(curlSha256Ms));
    const figures = {
      sizeBytes: file.sizeBytes,
      engineMiBps,
      curlMiBps,
      curlSha256MiBps,
      ratio: engineMiBps / curlMiBps,
      peakRssGrowthMiB: peakRss / MiB,
      rounds,
    };
    return { transport: TRANSPORT_NAMES[transport], ...figures };
  } finally {
    await http.close();
    await rm(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}

const TRANSPORT_NAMES: Record<Transport, string> = {
  cli: "the CLI's: undici request through EnvHttpProxyAgent",
  fetch: "httpGetFromFetch over undici fetch (the shape of Electron's net.fetch path)",
};

async function completedExport(baseUrl: string, apiKey: string): Promise<Export> {
  const client = createPlatformXEClient({ baseUrl, apiKey });
  const filters = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
  let job: Export = await client.exports.create({ type: 'AUDIT_LOGS', format: 'csv', filters });
  while (job.status === 'PROCESSING') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = await client.exports.get(job.id);
  }
  if (job.status !== 'COMPLETE' || !job.downloadUrl || !job.file) throw new Error(`the benchmark export ended ${job.status}`);
  return job;
}

async function timeCurl(url: string, out: string): Promise<number> {
  const t0 = performance.now();
  await run('curl', ['--silent', '--show-error', '--fail', '--output', out, url]);
  return performance.now() - t0;
}

async function timeCurlWithSha256(url: string, out: string): Promise<number> {
  const t0 = performance.now();
  await run('bash', ['-o', 'pipefail', '-c', 'curl --silent --show-error --fail "$1" | tee "$2" | sha256sum >/dev/null', 'curl-sha256', url, out]);
  return performance.now() - t0;
}
