import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export interface HttpGetInit {
  headers: Record<string, string>;
  signal: AbortSignal;
}

/** The little of an HTTP response a download needs, whatever client fetched it. */
export interface HttpGetResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: Readable | null;
  /** Drops the body unread; the connection closes rather than drain a file nobody wants. */
  discard(): void;
}

/**
 * One GET of a download URL. The body is a Node stream, not a web one: on a fast link the web stream
 * layer costs more CPU than hashing the bytes, so a host that can skip it (the CLI) does.
 */
export type HttpGet = (url: string, init: HttpGetInit) => Promise<HttpGetResponse>;

/** The small default buffers (16 KiB for fromWeb, 64 KiB for undici) couple the socket to each disk write; 1 MiB lets them overlap. */
export const SOURCE_BUFFER_BYTES = 1 << 20;

/** For hosts that only have a fetch, such as Electron's net.fetch (system proxy and certificates). */
export function httpGetFromFetch(fetch: typeof globalThis.fetch): HttpGet {
  return async (url, init) => {
    const response = await fetch(url, init);
    const body = response.body ? Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>, { highWaterMark: SOURCE_BUFFER_BYTES }) : null;
    return { status: response.status, headers: response.headers, body, discard: () => body?.destroy() };
  };
}
