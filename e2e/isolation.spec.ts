import { apiMethodNames } from '../src/shared/ipc';
import { test, expect } from './support/fixtures';

test('the page has no Node, no ipcRenderer, and exactly the contract’s methods on window.exportManager', async ({ host }) => {
  const { page } = host;
  const seen = await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    const api = g.exportManager as Record<string, unknown>;
    const replaced = (() => {
      try {
        g.exportManager = {};
      } catch {
        // Strict-mode code throws on a read-only property; either way it must stay.
      }
      return g.exportManager !== api;
    })();
    return {
      require: typeof g.require,
      process: typeof g.process,
      ipcRenderer: typeof g.ipcRenderer,
      electron: typeof g.electron,
      module: typeof g.module,
      Buffer: typeof g.Buffer,
      methods: Object.keys(api).sort(),
      allFunctions: Object.values(api).every((v) => typeof v === 'function'),
      frozen: Object.isFrozen(api),
      replaced,
    };
  });
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    methods: [...apiMethodNames].sort(),
    allFunctions: true,
    frozen: true,
    replaced: false,
  });
});

test('a listener gets only the payload, and unsubscribing stops it', async ({ host }) => {
  const { page } = host;
  const result = await page.evaluate(async () => {
    const api = (globalThis as unknown as { exportManager: { onAppStatus(l: (...a: unknown[]) => void): () => void; setPaused(a: { paused: boolean }): Promise<unknown> } }).exportManager;
    const calls: unknown[][] = [];
    const off = api.onAppStatus((...args) => calls.push(args));
    await api.setPaused({ paused: true });
    await new Promise((r) => setTimeout(r, 500));
    off();
    await api.setPaused({ paused: false });
    await new Promise((r) => setTimeout(r, 500));
    return calls;
  });
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  expect(result[0]![0]).toMatchObject({ paused: true });
});
