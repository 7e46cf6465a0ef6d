import { randomUUID } from 'node:crypto';
import { createKeytarSecretStore } from './keytar-store';

/**
 * Used by tests that need the real keychain: null when it works, otherwise why not.
 * Probes with a throwaway account under a throwaway service so no real entry is touched.
 */
export async function keychainProblem(): Promise<string | null> {
  const store = createKeytarSecretStore({ service: `pxe-probe-${randomUUID()}` });
  const account = 'probe';
  try {
    await store.set(account, 'probe');
    const back = await store.get(account);
    await store.delete(account);
    return back === 'probe' ? null : 'the keychain did not return what was stored';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Keychain tests run when a keychain works, and always in CI, where a missing keychain must fail
 * the run rather than be skipped. Elsewhere they are skipped with the reason printed.
 */
export async function shouldRunKeychainTests(suite: string): Promise<{ run: boolean; problem: string | null }> {
  const problem = await keychainProblem();
  const run = problem === null || Boolean(process.env.CI);
  if (!run) console.warn(`Skipping ${suite}: no usable keychain (${problem}). Run under scripts/with-keyring.sh.`);
  return { run, problem };
}
