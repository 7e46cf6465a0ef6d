import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { trackReachability } from './reachability';

describe('reachability', () => {
  it('is online after any HTTP answer and offline after a refused connection, but not after a cancel', async () => {
    const server = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const reach = trackReachability(globalThis.fetch);
    const changes: boolean[] = [];
    reach.onChange((online) => changes.push(online));

    await reach.fetch(url);
    expect(reach.online()).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));

    await expect(reach.fetch(url)).rejects.toThrow();
    expect(reach.online()).toBe(false);

    const cancelled = new AbortController();
    cancelled.abort();
    const other = trackReachability(globalThis.fetch);
    await expect(other.fetch(url, { signal: cancelled.signal })).rejects.toThrow();
    expect(other.online()).toBe(true);
    expect(changes).toEqual([false]);
  });
});
