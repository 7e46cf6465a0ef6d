/**
 * Whether the last request reached a server: any HTTP answer counts as reached, a failed
 * connection or DNS lookup as not. Feeds the "online" light of the app status.
 */
export interface Reachability {
  /** The same fetch, watched. */
  fetch: typeof globalThis.fetch;
  online(): boolean;
  onChange(listener: (online: boolean) => void): () => void;
}

export function trackReachability(fetch: typeof globalThis.fetch): Reachability {
  let online = true;
  const listeners = new Set<(online: boolean) => void>();
  const report = (reached: boolean) => {
    if (reached === online) return;
    online = reached;
    for (const listener of [...listeners]) listener(online);
  };
  return {
    async fetch(input, init) {
      try {
        const response = await fetch(input, init);
        report(true);
        return response;
      } catch (error) {
        // A request cancelled on purpose says nothing about the network.
        if (!init?.signal?.aborted) report(false);
        throw error;
      }
    },
    online: () => online,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
