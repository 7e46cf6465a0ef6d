/**
 * Verified downloads by the engine in a process of its own, as `pxe-exports download` runs them:
 * memory and CPU are then the engine's alone, not those of the benchmark driving it.
 *
 * A small export is fetched first. A fresh Node process grows by a fixed 30-75 MiB on its first
 * transfer whatever the file's size (code paths, the HTTP parser, allocator arenas: measured the same
 * for 85 MiB and 1 GiB), so that first transfer is reported on its own as the cold figure and the
 * 1 GiB transfer after it shows what the download itself holds.
 * The work arrives as JSON in argv[2]; the figures leave as one JSON line on stdout.
 */
import { rm } from 'node:fs/promises';
import { createCliHttp } from '../src/cli/http';
import { systemClock } from '../src/core/clock';
import { downloadVerified, httpGetFromFetch, type HttpGet } from '../src/core/downloads';
import { startRssSampler } from './measure';

export interface EngineFile {
  url: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

export interface EngineRun {
  dir: string;
  transport: 'cli' | 'fetch';
  warmUp: EngineFile;
  measured: EngineFile;
}

export interface EngineFigures {
  ms: number;
  cpuMs: number;
  peakRssGrowthBytes: number;
  /** During the warm-up transfer, the first of this process. */
  coldPeakRssGrowthBytes: number;
}

const work = JSON.parse(process.argv[2] ?? '{}') as EngineRun;
const http = createCliHttp();
const httpGet = work.transport === 'cli' ? http.httpGet : httpGetFromFetch(http.fetch);

const cold = await download(work.warmUp, httpGet);
await rm(cold.finalPath, { force: true });
const cpu = process.cpuUsage();
const measured = await download(work.measured, httpGet);
const used = process.cpuUsage(cpu);
const figures: EngineFigures = {
  ms: measured.ms,
  cpuMs: (used.user + used.system) / 1000,
  peakRssGrowthBytes: measured.peakRssGrowthBytes,
  coldPeakRssGrowthBytes: cold.peakRssGrowthBytes,
};
console.log(JSON.stringify(figures));
await http.close();

async function download(file: EngineFile, get: HttpGet) {
  const sampler = startRssSampler();
  const t0 = performance.now();
  const result = await downloadVerified({
    url: file.url,
    dir: work.dir,
    fileName: file.fileName,
    expected: { sizeBytes: file.sizeBytes, sha256: file.sha256 },
    httpGet: get,
    clock: systemClock,
  });
  return { ms: performance.now() - t0, peakRssGrowthBytes: sampler.stop(), finalPath: result.finalPath };
}
