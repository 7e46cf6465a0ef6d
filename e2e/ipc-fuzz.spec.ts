import fc from 'fast-check';
import { createToIpcError } from '../src/main/ipc/to-ipc-error';
import { channelNames, dispatch, type ChannelName, type IpcResult } from '../src/shared/ipc';
import { profileIdsIn } from './support/actions';
import { test, expect } from './support/fixtures';

/** A well-formed argument per channel, naming things that exist, for mutations to start from. */
function examples(profileId: string): Record<ChannelName, Record<string, unknown> | undefined> {
  return {
    listProfiles: undefined,
    addProfile: { name: 'Fuzzed', baseUrl: 'https://api.platformxe.example', color: '#aa3300' },
    updateProfile: { id: profileId, name: 'Demo' },
    removeProfile: { profileId },
    setActiveProfile: { profileId },
    chooseDownloadFolder: { profileId },
    getKeyStatus: { profileId },
    setKey: { profileId, apiKey: 'pxe_live_0123456789' },
    clearKey: { profileId },
    listJobs: undefined,
    createExport: {
      requestId: '0b5c8e43-3f8e-4d4a-9c55-3a7f0f0b1e11',
      input: { profileId, type: 'AUDIT_LOGS', format: 'csv', filters: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' } },
    },
    retryDownload: { jobId: 'exp_missing' },
    rerunExport: { jobId: 'exp_missing', requestId: '0b5c8e43-3f8e-4d4a-9c55-3a7f0f0b1e12' },
    openFile: { jobId: 'exp_missing' },
    showInFolder: { jobId: 'exp_missing' },
    getProcessor: { profileId },
    updateProcessor: { profileId, patch: { config: { retentionDays: 7 } } },
    getSettings: undefined,
    updateSettings: { autoDownload: true },
    getAppInfo: undefined,
    getAppStatus: undefined,
    setPaused: { paused: false },
    ready: undefined,
  };
}

/** Anything at all, or a good argument with one field swapped for anything (or one field too many). */
function argumentFor(example: Record<string, unknown> | undefined) {
  const anything = fc.anything({ withNullPrototype: true, withObjectString: true, withBigInt: true, withDate: true, withMap: true, withSet: true });
  if (!example) return anything;
  const mutated = fc
    .tuple(fc.constantFrom(...Object.keys(example), '__proto__', 'extra'), anything)
    .map(([key, value]) => Object.defineProperty({ ...example }, key, { value, enumerable: true, configurable: true, writable: true }));
  return fc.oneof(anything, mutated);
}

/** Random in every run for coverage, printed so a failure or a hang can be replayed with FC_SEED. */
const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.warn(`ipc-fuzz: fast-check seed ${seed} (replay with FC_SEED=${seed})`);

function expectTypedAnswer(result: IpcResult<unknown>, secret: string): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(result.error.code).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(result.error.message.length).toBeLessThanOrEqual(500);
  expect(result.error.message).not.toMatch(/\n|\s{4}at |\.ts:\d|\.js:\d/);
  expect(result.error.message).not.toContain(secret);
}

test('every channel answers malformed arguments with a typed error and never throws (real handlers)', async ({ host }) => {
  test.skip(host.runtime === null, 'The handlers run in this process only in the Chromium host; the page-level property below covers Electron.');
  const runtime = host.runtime!;
  const [profileId] = profileIdsIn(host.userDataDir);
  const secret = host.emulator.keys[0]!.token;
  const good = examples(profileId!);
  const toError = createToIpcError({ log: () => undefined });

  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...channelNames).chain((name) => fc.tuple(fc.constant(name), argumentFor(good[name]))),
      async ([name, raw]) => expectTypedAnswer(await dispatch(name, raw, runtime.handlers, undefined, toError), secret),
    ),
    // A base URL that is not a URL once made the contract's schema throw instead of answering.
    { seed, numRuns: 400, timeout: 10_000, examples: [[['addProfile', { name: 'Fuzzed', baseUrl: '{}', color: '#aa3300' }]]] },
  );
  // An unknown channel, too.
  expectTypedAnswer(await dispatch('constructor', undefined, runtime.handlers, undefined, toError), secret);
});

test('malformed arguments sent from the page come back as typed errors', async ({ host }) => {
  const { page } = host;
  const secret = host.emulator.keys[0]!.token;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...channelNames), fc.jsonValue(), async (name, raw) => {
      const result = await page.evaluate(
        ([method, arg]) => (globalThis as unknown as { exportManager: Record<string, (a: unknown) => Promise<unknown>> }).exportManager[method]!(arg),
        [name, raw as unknown] as [string, unknown],
      );
      expectTypedAnswer(result as IpcResult<unknown>, secret);
    }),
    { seed, numRuns: 80, timeout: 10_000 },
  );
  await expect(page.getByTestId('app-header')).toBeVisible();
});
