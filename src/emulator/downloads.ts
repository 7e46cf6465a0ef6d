/**
 * The signed file download: no Authorization header, the URL carries expiry and signature.
 * Files are streamed from disk with backpressure; Range/If-Range allow resuming.
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, notFound } from './errors';
import type { ExportsStore, StoredFile } from './exports-store';
import type { DownloadShaping, Faults } from './faults';
import { readChunks } from './file-chunks';
import { writeHead, type RequestContext } from './http';
import type { Signer } from './signing';

export interface DownloadDeps {
  store: ExportsStore;
  signer: Signer;
  now: () => number;
  faults: Faults;
}

type ByteRange = { start: number; end: number };
const CUT_GRACE_MS = 50;

/** `bytes=N-` or `bytes=N-M`; anything else is ignored as HTTP allows. */
function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const last = m[2] ? Number(m[2]) : size - 1;
  if (start >= size) return 'unsatisfiable';
  if (last < start) return null;
  return { start, end: Math.min(last, size - 1) };
}

export function createDownloadHandler(deps: DownloadDeps) {
  return async function handleDownload(ctx: RequestContext, id: string, name: string): Promise<void> {
    const expires = deps.signer.verify(ctx.url.pathname, ctx.url.searchParams);
    if (expires === null) throw new ApiError(403, 'signature_invalid', 'The download link is not valid; use the downloadUrl of the export as issued.');
    if (deps.now() >= expires * 1000) {
      throw new ApiError(403, 'url_expired', 'The download link has expired; create a new export to get a new link.');
    }
    const record = deps.store.getLive(id);
    const file = record.file;
    if (!file || file.name !== name) throw notFound(`No file ${name} for export ${id}.`);

    const etag = `"${file.sha256}"`;
    const ifRange = ctx.req.headers['if-range'];
    const range = ifRange !== undefined && ifRange !== etag ? null : parseRange(ctx.req.headers.range, file.sizeBytes);
    if (range === 'unsatisfiable') {
      throw new ApiError(416, 'range_not_satisfiable', `The range starts past the end of the file (${file.sizeBytes} bytes); request bytes=0- for the whole file.`, {
        headers: { 'Content-Range': `bytes */${file.sizeBytes}` },
      });
    }
    const { start, end } = range ?? { start: 0, end: file.sizeBytes - 1 };
    writeHead(ctx, range ? 206 : 200, {
      'Content-Type': file.contentType,
      'Content-Length': Math.max(0, end - start + 1),
      'Content-Disposition': `attachment; filename="${file.name}"`,
      ETag: etag,
      'Accept-Ranges': 'bytes',
      'Last-Modified': new Date(record.completedAt ?? 0).toUTCString(),
      'Cache-Control': 'private, no-store',
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${file.sizeBytes}` } : {}),
    });
    if (ctx.req.method === 'HEAD' || end < start) {
      ctx.res.end();
      return;
    }
    const corruptAt = record.corrupt ? Math.floor(file.sizeBytes / 2) : null;
    await streamBody(ctx, file, { start, end }, deps.faults.takeDownloadShaping(), corruptAt);
  };
}

async function streamBody(ctx: RequestContext, file: StoredFile, range: ByteRange, shaping: DownloadShaping, corruptAt: number | null): Promise<void> {
  const { res } = ctx;
  const closed = once(res, 'close').then(
    () => undefined,
    () => undefined,
  );
  const gone = new AbortController();
  void closed.then(() => gone.abort());
  // The callback runs once the socket is done with the bytes: only then may their buffer be refilled.
  const write = async (chunk: Buffer, written: () => void = () => undefined): Promise<void> => {
    if (chunk.length === 0) return written();
    if (!res.write(chunk, written)) await Promise.race([once(res, 'drain'), closed]);
  };
  const flushed = (chunk: Buffer): Promise<void> =>
    new Promise((resolve) => (chunk.length > 0 ? res.write(chunk, () => resolve()) : res.socket ? res.socket.write('', () => resolve()) : resolve()));

  res.flushHeaders();
  let offset = range.start;
  let sent = 0;
  let stall = shaping.stall;
  for await (const { bytes, release } of readChunks(file.path, range.start, range.end, gone.signal)) {
    let chunk = bytes;
    if (corruptAt !== null && corruptAt >= offset && corruptAt < offset + chunk.length) {
      chunk = Buffer.from(chunk);
      chunk[corruptAt - offset] = (chunk[corruptAt - offset] as number) ^ 0x01;
      release();
    }
    offset += chunk.length;
    if (shaping.cutAfter !== null && sent + chunk.length >= shaping.cutAfter) {
      await flushed(chunk.subarray(0, shaping.cutAfter - sent));
      // A moment for the client to take in what was sent: an HTTP client that sees the connection
      // drop discards what it had queued but not yet handed over, which would blur "exactly N bytes".
      await sleep(CUT_GRACE_MS, undefined, { signal: gone.signal }).catch(() => undefined);
      res.socket?.destroy();
      return;
    }
    if (stall && sent + chunk.length >= stall.after) {
      const head = chunk.subarray(0, stall.after - sent);
      await flushed(head);
      sent += head.length;
      chunk = chunk.subarray(head.length);
      await sleep(stall.ms, undefined, { signal: gone.signal }).catch(() => undefined);
      stall = null;
    }
    await write(chunk, release);
    sent += chunk.length;
    if (res.destroyed) return;
  }
  res.end();
}
