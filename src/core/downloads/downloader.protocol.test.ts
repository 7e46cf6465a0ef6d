/**
 * Protocol faults the emulator cannot produce (it always answers ranges correctly): a tiny
 * purpose-built node:http server on 127.0.0.1 that misbehaves on demand.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFile, readdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock';
import { downloadVerified } from './downloader';
import type { HttpGet } from './http-get';
import { DownloadError } from './errors';
import { sha256Of, tempFolder, TRANSPORTS } from './test-support';

const body = randomBytes(300_000);
const sha256 = createHash('sha256').update(body).digest('hex');
const ETAG = '"v1"';

let server: Server;
let url = '';
let behave: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
const seen: Array<{ range: string | null; ifRange: string | null }> = [];
let dir = '';
/** The transport of the block that is running: every case runs over each host's. */
let httpGet: HttpGet;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ range: req.headers.range ?? null, ifRange: (req.headers['if-range'] as string | undefined) ?? null });
    behave(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/file.csv`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(async () => {
  seen.length = 0;
  if (dir) await rm(dir, { recursive: true, force: true });
});

function download(extra: Partial<Parameters<typeof downloadVerified>[0]> = {}) {
  return downloadVerified({
    url,
    dir,
    fileName: 'file.csv',
    expected: { sizeBytes: body.length, sha256 },
    httpGet,
    clock: systemClock,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  });
}

describe.each(TRANSPORTS)('over $name', (transport) => {
  beforeAll(() => {
    httpGet = transport.httpGet;
  });

  it('restarts from zero when a 206 starts somewhere other than the requested offset', async () => {
    dir = await tempFolder('pxe-proto-');
    const partPath = path.join(dir, 'file.csv.part');
    await writeFile(partPath, body.subarray(0, 100_000));
    behave = (req, res) => {
      if (req.headers.range) {
        res.writeHead(206, { 'content-range': `bytes 50000-${body.length - 1}/${body.length}`, 'content-length': body.length - 50_000, etag: ETAG });
        res.end(body.subarray(50_000));
        return;
      }
      res.writeHead(200, { 'content-length': body.length, etag: ETAG });
      res.end(body);
    };
    const result = await download({ resume: { partPath, etag: ETAG } });
    expect(seen).toEqual([
      { range: 'bytes=100000-', ifRange: ETAG },
      { range: null, ifRange: null },
    ]);
    expect(await sha256Of(result.finalPath)).toBe(sha256);
  });

  it('stops a server that sends more than the export: integrity failure, nothing under the final name', async () => {
    dir = await tempFolder('pxe-proto-');
    behave = (_req, res) => {
      res.writeHead(200, { etag: ETAG });
      res.end(Buffer.concat([body, Buffer.from('trailing bytes the export does not have')]));
    };
    const err = await download().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).code).toBe('integrity_failed');
    expect((err as DownloadError).message).toMatch(/sent more than the export's 300000 bytes/);
    expect(await readdir(dir)).toEqual(['file.csv.corrupt']);
  });

  it('does not resume without a strong ETag: a weak one cannot guard If-Range', async () => {
    dir = await tempFolder('pxe-proto-');
    const partPath = path.join(dir, 'file.csv.part');
    await writeFile(partPath, body.subarray(0, 100_000));
    behave = (_req, res) => {
      res.writeHead(200, { 'content-length': body.length, etag: 'W/"v1"' });
      res.end(body);
    };
    const checkpoints: Array<{ bytes: number; etag: string | null }> = [];
    const result = await download({ resume: { partPath, etag: null }, onCheckpoint: (c) => checkpoints.push(c) });
    expect(seen).toEqual([{ range: null, ifRange: null }]);
    expect(checkpoints[0]).toMatchObject({ bytes: 0, etag: null });
    expect(await sha256Of(result.finalPath)).toBe(sha256);
  });

  it('follows a redirect to where the file is, as a fetch would', async () => {
    dir = await tempFolder('pxe-proto-');
    behave = (req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/file.csv' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-length': body.length, etag: ETAG });
      res.end(body);
    };
    const result = await download({ url: new URL('/moved', url).href });
    expect(seen).toHaveLength(2);
    expect(await sha256Of(result.finalPath)).toBe(sha256);
  });
});
