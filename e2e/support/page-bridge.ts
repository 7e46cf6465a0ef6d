/**
 * Runs inside the page (bundled by bridge-script.ts): builds `window.exportManager` with the same
 * contract builder the preload uses, over a transport whose invoke is a Playwright binding and
 * whose events arrive in batches from the test process.
 */
import { createExportManagerApi } from '../../src/shared/ipc/api';

interface BridgeGlobals {
  /** Exposed by page.exposeBinding: the host dispatches to the real handlers. */
  __pxeInvoke(channel: string, args: unknown): Promise<unknown>;
  /** Called by the host with the events main would have sent with webContents.send. */
  __pxeDeliver?(batch: Array<[channel: string, payload: unknown]>): void;
}

const page = globalThis as unknown as BridgeGlobals;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

page.__pxeDeliver = (batch) => {
  for (const [channel, payload] of batch) {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
  }
};

const api = createExportManagerApi({
  invoke: (channel, args) => page.__pxeInvoke(channel, args),
  subscribe(channel, listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

// Like contextBridge.exposeInMainWorld: a property the page cannot replace.
Object.defineProperty(globalThis, 'exportManager', { value: api, enumerable: true, configurable: false, writable: false });
