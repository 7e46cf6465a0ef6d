/**
 * `npm run bench`: prints, in one run on this machine, the figures the engine is held to:
 * download throughput against curl (target ratio >= 0.9), peak RSS growth during the transfer
 * (target < 64 MiB), and request rate and CPU while polling 1,000 jobs.
 * BENCH_MIB (default 1024), BENCH_ROUNDS (2), BENCH_JOBS (1000), BENCH_POLL_SECONDS (20) scale it;
 * BENCH_TRANSPORT=fetch measures downloads through fetch instead of the CLI's undici request.
 */
import { benchDownload, type Transport } from './download';
import { benchPolling } from './polling';

const targetMiB = Number(process.env.BENCH_MIB ?? 1024);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const jobs = Number(process.env.BENCH_JOBS ?? 1000);
const pollSeconds = Number(process.env.BENCH_POLL_SECONDS ?? 20);
const transport: Transport = process.env.BENCH_TRANSPORT === 'fetch' ? 'fetch' : 'cli';

const fmt = (n: number, digits = 1) => n.toFixed(digits);

console.log(`Download: ~${targetMiB} MiB csv export from the emulator (separate process), median of ${rounds} rounds`);
const d = await benchDownload(targetMiB, rounds, transport);
console.log(`  transport                 ${d.transport}`);
console.log(`  file size                 ${d.sizeBytes} bytes (${fmt(d.sizeBytes / 1024 / 1024)} MiB)`);
console.log(`  engine (verified, sha256) ${fmt(d.engineMiBps)} MiB/s  (its own process; ${fmt(d.engineCpuSecondsPerGiB, 2)} s CPU per GiB)`);
console.log(`  curl (same URL, to disk)  ${fmt(d.curlMiBps)} MiB/s`);
console.log(`  curl, then fdatasync      ${fmt(d.curlFdatasyncMiBps)} MiB/s  (reference: on disk, as the engine leaves it)`);
console.log(`  curl | tee | sha256sum    ${fmt(d.curlSha256MiBps)} MiB/s  (reference: curl checked the way the engine checks)`);
console.log(`  ratio engine/curl         ${fmt(d.ratio, 2)}  (target >= 0.90) ${d.ratio >= 0.9 ? 'OK' : 'BELOW TARGET'}`);
console.log(`  peak RSS growth           ${fmt(d.peakRssGrowthMiB)} MiB  (target < 64) ${d.peakRssGrowthMiB < 64 ? 'OK' : 'ABOVE TARGET'}`);
console.log(`  first transfer of a fresh process: ${fmt(d.coldPeakRssGrowthMiB)} MiB RSS growth (a fixed warm-up, the same for any file size)`);

console.log(`\nPolling: ${jobs} PROCESSING exports on one profile for ${pollSeconds} s`);
const p = await benchPolling(jobs, pollSeconds);
console.log(`  GET requests per second   ${fmt(p.requestsPerSecond, 2)}  (budget ${p.budgetPerSecond}/s per profile) ${p.requestsPerSecond <= p.budgetPerSecond * 1.05 ? 'OK' : 'OVER BUDGET'}`);
console.log(`  engine CPU                ${fmt(p.cpuPercent, 2)} % of one core over ${fmt(p.seconds)} s`);
