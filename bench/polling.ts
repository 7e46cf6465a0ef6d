/**
 * Request rate and CPU of the real engine while it polls 1,000 PROCESSING exports on one profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCliHttp } from '../src/cli/http';
import { createExportEngine } from '../src/core/engine';
import { createMemoryJobStore, JobRegistry } from '../src/core/jobs';
import { createPlatformXEClient } from '../src/core/platformxe';
import { createMemorySettingsStore, ProfileService } from '../src/core/profiles';
import { createMemorySecretStore } from '../src/core/secrets';
import { DEFAULT_SETTINGS } from '../src/shared/domain';
import { startChildEmulator } from './child-emulator';
import { startCpuMeter } from './measure';

export interface PollingFigures {
  jobs: number;
  seconds: number;
  requestsPerSecond: number;
  budgetPerSecond: number;
  cpuPercent: number;
}

/** The engine's default per-profile poll budget (src/core/polling). */
const BUDGET_PER_SECOND = 5;

export async function benchPolling(jobCount: number, seconds: number): Promise<PollingFigures> {
  const emulator = await startChildEmulator({
    rateLimit: 0,
    jobMinDurationMs: 24 * 3600 * 1000,
    processor: { maxConcurrentJobs: 10 },
  });
  const dir = await mkdtemp(join(tmpdir(), 'pxe-bench-poll-'));
  const http = createCliHttp();
  let polls = 0;
  const countingFetch: typeof fetch = (input, init) => {
    if ((init?.method ?? 'GET') === 'GET' && String(input).includes('/v1/exports/exp_')) polls++;
    return http.fetch(input, init);
  };
  const profiles = new ProfileService({
    settings: createMemorySettingsStore(),
    secrets: createMemorySecretStore(),
    createClient: (profile, key) => createPlatformXEClient({ baseUrl: profile.baseUrl, apiKey: key, fetch: http.fetch }),
  });
  const registry = new JobRegistry({ store: createMemoryJobStore() });
  try {
    const profile = profiles.add({ name: 'Bench', baseUrl: emulator.baseUrl, downloadDir: dir });
    await profiles.setKey(profile.id, emulator.key);
    await seedProcessingJobs(registry, profile.id, emulator.baseUrl, emulator.key, jobCount, http.fetch);

    const engine = createExportEngine({
      profiles,
      registry,
      fetch: countingFetch,
      settings: () => DEFAULT_SETTINGS,
      app: { name: 'bench', version: '0' },
    });
    const cpu = startCpuMeter();
    await engine.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const measured = cpu.stop();
    const counted = polls;
    await engine.stop();
    return {
      jobs: jobCount,
      seconds: measured.wallMs / 1000,
      requestsPerSecond: counted / (measured.wallMs / 1000),
      budgetPerSecond: BUDGET_PER_SECOND,
      cpuPercent: measured.cpuPercent,
    };
  } finally {
    await http.close();
    await rm(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}

async function seedProcessingJobs(
  registry: JobRegistry,
  profileId: string,
  baseUrl: string,
  apiKey: string,
  count: number,
  fetch: typeof globalThis.fetch,
): Promise<void> {
  const client = createPlatformXEClient({ baseUrl, apiKey, fetch });
  const day = 24 * 3600 * 1000;
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < count; i += 25) {
    const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => {
      const from = new Date(start + (i + j) * day).toISOString().replace('.000', '');
      const to = new Date(start + (i + j + 1) * day).toISOString().replace('.000', '');
      return client.exports.create({ type: 'AUDIT_LOGS', format: 'csv', filters: { from, to } });
    });
    for (const server of await Promise.all(batch)) {
      registry.recordCreated({ profileId, server, requestId: server.lastResponse.requestId });
    }
  }
  registry.flush();
}
