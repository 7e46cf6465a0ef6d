import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Export } from '../shared/wire';
import { startEmulator, type RunningEmulator } from './index';
import { api, completedExport, DAY, download, FULL_KEY, TEST_KEYS } from './test-helpers';

let emu: RunningEmulator;
let done: Export;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  emu = await startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, jobMinDurationMs: 0, rowsPerDay: 20_000, admin: true });
  done = await completedExport(emu);
});
afterAll(() => emu.close());
beforeEach(() => emu.admin.clearRequests());

/** Reads a body until the server stops sending; reports what arrived and whether it ended in an error. */
async function readUntilEnd(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: Buffer; failed: boolean }> {
  const res = await fetch(url, { headers });
  const chunks: Buffer[] = [];
  let failed = false;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  } catch {
    failed = true;
  }
  return { status: res.status, bytes: Buffer.concat(chunks), failed };
}

describe('server faults', () => {
  it('failNext answers the next N requests (API and downloads) with 500 internal_error or 503 unavailable', async () => {
    emu.admin.failNext(2, 503);
    const first = await api(emu).processor();
    const second = await download(done.downloadUrl as string);
    expect([first.status, second.status]).toEqual([503, 503]);
    expect(second.json.error.code).toBe('unavailable');
    expect((await api(emu).processor()).status).toBe(200);
    emu.admin.failNext(1, 500);
    const third = await api(emu).get(done.id);
    expect(third.status).toBe(500);
    expect(third.json.error).toMatchObject({ code: 'internal_error', requestId: third.headers.get('x-request-id') });
  });

  it('rateLimitStorm answers the next N API requests 429 rate_limited with the given Retry-After', async () => {
    emu.admin.rateLimitStorm(2, 7);
    for (let i = 0; i < 2; i++) {
      const res = await api(emu).create();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.json.error.code).toBe('rate_limited');
    }
    expect((await api(emu).processor()).status).toBe(200);
  });

  it('resetNextConnections drops the next N connections without a response', async () => {
    emu.admin.resetNextConnections(2);
    await expect(fetch(`${emu.baseUrl}/v1/exports/processor`, { headers: { Authorization: `Bearer ${FULL_KEY}` } })).rejects.toThrow();
    await expect(fetch(done.downloadUrl as string)).rejects.toThrow();
    expect((await api(emu).processor()).status).toBe(200);
    expect(emu.admin.requests().map((r) => r.status)).toEqual([0, 0, 200]);
  });

  it('setLatency holds every response back', async () => {
    emu.admin.setLatency(10_000);
    try {
      await expect(fetch(`${emu.baseUrl}/v1/exports/processor`, { headers: { Authorization: `Bearer ${FULL_KEY}` }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
      expect(emu.admin.requests()[0]?.status).toBe(0);
    } finally {
      emu.admin.setLatency(0);
    }
    expect((await api(emu).processor()).status).toBe(200);
  });
});

describe('download faults', () => {
  it('cutDownloadsAfter sends exactly N body bytes of the next download, then drops the connection', async () => {
    emu.admin.cutDownloadsAfter(100_000);
    const cut = await readUntilEnd(done.downloadUrl as string);
    expect(cut).toMatchObject({ status: 200, failed: true });
    expect(cut.bytes.length).toBe(100_000);
    const resumed = await readUntilEnd(done.downloadUrl as string, { Range: `bytes=${cut.bytes.length}-`, 'If-Range': `"${done.file?.sha256}"` });
    expect(resumed).toMatchObject({ status: 206, failed: false });
    expect(sha(Buffer.concat([cut.bytes, resumed.bytes]))).toBe(done.file?.sha256);
  });

  it('cutDownloadsAfter counts ranged downloads too and stops after `count`', async () => {
    emu.admin.cutDownloadsAfter(10, 2);
    expect((await readUntilEnd(done.downloadUrl as string, { Range: 'bytes=100-' })).bytes.length).toBe(10);
    expect((await readUntilEnd(done.downloadUrl as string)).bytes.length).toBe(10);
    expect((await readUntilEnd(done.downloadUrl as string)).failed).toBe(false);
  });

  it('stallDownloadsAfter sends N bytes, then nothing for a while', async () => {
    emu.admin.stallDownloadsAfter(50_000, 10_000);
    const res = await fetch(done.downloadUrl as string);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    while (received < 50_000) received += ((await reader.read()).value as Uint8Array).length;
    expect(received).toBe(50_000);
    const next = await Promise.race([reader.read().then(() => 'data'), new Promise((r) => setTimeout(() => r('stalled'), 300))]);
    expect(next).toBe('stalled');
    await reader.cancel();
  });

  it('stallDownloadsAfter continues with the rest of the file after the pause', async () => {
    emu.admin.stallDownloadsAfter(50_000, 100);
    const stalled = await readUntilEnd(done.downloadUrl as string);
    expect(stalled.failed).toBe(false);
    expect(sha(stalled.bytes)).toBe(done.file?.sha256);
  });

  it('corruptFile flips one served byte while ETag and size stay the same', async () => {
    const own = await completedExport(emu, { ...DAY, format: 'ndjson' });
    emu.admin.corruptFile(own.id);
    const res = await download(own.downloadUrl as string);
    expect(res.headers.get('etag')).toBe(`"${own.file?.sha256}"`);
    expect(res.body.length).toBe(own.file?.sizeBytes);
    expect(sha(res.body)).not.toBe(own.file?.sha256);
    const onDisk = readFileSync(join(emu.dataDir, `${own.id}.ndjson`));
    expect(sha(onDisk)).toBe(own.file?.sha256);
    expect(res.body.filter((b, i) => b !== onDisk[i]).length).toBe(1);
  });

  it('replaceFile changes content and ETag so an old If-Range gets the full new file', async () => {
    const own = await completedExport(emu, { ...DAY, format: 'json' });
    emu.admin.replaceFile(own.id);
    const res = await download(own.downloadUrl as string, { Range: 'bytes=100-', 'If-Range': `"${own.file?.sha256}"` });
    expect(res.status).toBe(200);
    const etag = res.headers.get('etag');
    expect(etag).not.toBe(`"${own.file?.sha256}"`);
    expect(`"${sha(res.body)}"`).toBe(etag);
    const after = await api(emu).get(own.id);
    expect(`"${after.json.file?.sha256}"`).toBe(etag);
    expect(after.json.file?.sizeBytes).toBe(res.body.length);
    expect(() => JSON.parse(res.body.toString())).not.toThrow();
  });
});

describe('request log and the HTTP admin API', () => {
  it('records method, path, status, Idempotency-Key, Range and If-Range', async () => {
    await api(emu).create(DAY, { 'Idempotency-Key': 'log-1' });
    await download(done.downloadUrl as string, { Range: 'bytes=1-', 'If-Range': '"x"' });
    const [create, file] = emu.admin.requests();
    expect(create).toMatchObject({ method: 'POST', path: '/v1/exports', status: 202, idempotencyKey: 'log-1', range: null });
    expect(file).toMatchObject({ method: 'GET', path: new URL(done.downloadUrl as string).pathname, status: 200, range: 'bytes=1-', ifRange: '"x"' });
    expect(create?.at).toBeLessThanOrEqual(emu.admin.now());
  });

  it('mirrors the admin object over HTTP on loopback, unrecorded', async () => {
    const post = (method: string, body: unknown) =>
      fetch(`${emu.baseUrl}/__admin/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('failNext', { count: 1, status: 503 })).status).toBe(200);
    expect((await api(emu).processor()).status).toBe(503);
    const before = emu.admin.now();
    expect(await (await post('advanceClock', { ms: 60_000 })).json()).toEqual({ ok: true });
    expect(emu.admin.now() - before).toBeGreaterThanOrEqual(60_000);
    const log = (await (await fetch(`${emu.baseUrl}/__admin/requests`)).json()) as { status: number }[];
    expect(log.map((r) => r.status)).toEqual([503]);
    const bad = await post('failNext', { count: 1, status: 404 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_error');
    expect((await post('noSuchThing', {})).status).toBe(404);
    expect((await post('failJob', { id: 'exp_missing' })).status).toBe(400);
  });

  it('is not served unless enabled', async () => {
    const plain = await startEmulator({ port: 0, keys: TEST_KEYS });
    try {
      const res = await fetch(`${plain.baseUrl}/__admin/requests`);
      expect(res.status).toBe(404);
      expect(res.headers.get('x-request-id')).toMatch(/^req_/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    } finally {
      await plain.close();
    }
  });
});
