import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator';
import { createKeytarSecretStore } from '../secrets';
import { shouldRunKeychainTests } from '../secrets/keychain-test-support';
import { createHarness, engineTestEmulator, filesUnder, ONE_DAY, type Harness } from './test-support';

const keychain = await shouldRunKeychainTests('engine canary key tests');
const CANARY = `pxe_canary_${randomUUID().replaceAll('-', '')}`;
let emulator: RunningEmulator;
let harness: Harness;

beforeAll(async () => {
  emulator = await engineTestEmulator(CANARY, { rowsPerDay: 2000 });
});
afterAll(async () => {
  await harness?.close();
  await emulator.close();
});

describe.runIf(keychain.run)('the API key in the real keychain', () => {
  it('never reaches the config folder, the job store, manifests or anything the engine emits', async () => {
    const secrets = createKeytarSecretStore();
    harness = await createHarness({ baseUrl: emulator.baseUrl, key: CANARY, secrets });
    expect(await secrets.get(harness.profile.id)).toBe(CANARY);

    const { job } = await harness.engine.createExport({ profileId: harness.profile.id, type: 'AUDIT_LOGS', format: 'ndjson', filters: ONE_DAY, label: 'canary' });
    const done = await harness.engine.waitFor(job.id);
    emulator.admin.failNextJobs(1);
    const { job: failing } = await harness.engine.createExport({ profileId: harness.profile.id, type: 'AUDIT_LOGS', format: 'csv', filters: ONE_DAY });
    await harness.engine.waitFor(failing.id);
    emulator.admin.failNext(1, 500);
    await harness.engine.getProcessor(harness.profile.id);
    const refused = await harness.engine.updateProcessor(harness.profile.id, { config: { maxConcurrentJobs: 99 } }).catch((e: unknown) => e);
    harness.registry.flush();

    expect(done.download.state).toBe('done');
    expect(String(refused)).not.toContain(CANARY);
    const files = [...(await filesUnder(harness.configDir)), ...(await filesUnder(harness.downloadDir))];
    expect(files.some((f) => f.endsWith('jobs.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('.manifest.json'))).toBe(true);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(CANARY);
    expect(JSON.stringify(harness.events)).not.toContain(CANARY);
    expect(harness.events.notices.length).toBeGreaterThan(0);
  });
});
