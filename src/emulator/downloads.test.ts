import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Export } from '../shared/wire';
import { startEmulator, type RunningEmulator } from './index';
import { api, completedExport, DAY, download, TEST_KEYS } from './test-helpers';

let emu: RunningEmulator;
let done: Export;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  emu = await startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, jobMinDurationMs: 0, rowsPerDay: 3000, urlTtlSeconds: 600 });
  done = await completedExport(emu);
});
afterAll(() => emu.close());

describe('the signed download', () => {
  it('serves the whole file with its headers and no Authorization', async () => {
    const res = await download(done.downloadUrl as string);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(done.file?.sizeBytes));
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${done.file?.name}"`);
    expect(res.headers.get('etag')).toBe(`"${done.file?.sha256}"`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(sha(res.body)).toBe(done.file?.sha256);
    expect(res.body.toString().split('\n')[0]).toBe('timestamp,actor,action,target,ip,user_agent,outcome,request_id');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await download(done.downloadUrl as string, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(done.file?.sizeBytes));
    expect(res.body.length).toBe(0);
  });

  it('serves the tail for Range bytes=N- with 206 and Content-Range', async () => {
    const full = (await download(done.downloadUrl as string)).body;
    const size = full.length;
    const res = await download(done.downloadUrl as string, { Range: 'bytes=1000-' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-${size - 1}/${size}`);
    expect(res.headers.get('content-length')).toBe(String(size - 1000));
    expect(res.body.equals(full.subarray(1000))).toBe(true);
    const closed = await download(done.downloadUrl as string, { Range: 'bytes=10-19' });
    expect(closed.status).toBe(206);
    expect(closed.body.equals(full.subarray(10, 20))).toBe(true);
  });

  it('honours If-Range: a matching ETag gets 206, any other gets the full 200', async () => {
    const etag = `"${done.file?.sha256}"`;
    expect((await download(done.downloadUrl as string, { Range: 'bytes=5-', 'If-Range': etag })).status).toBe(206);
    const stale = await download(done.downloadUrl as string, { Range: 'bytes=5-', 'If-Range': `"${'0'.repeat(64)}"` });
    expect(stale.status).toBe(200);
    expect(sha(stale.body)).toBe(done.file?.sha256);
  });

  it('answers 416 for a range past the end', async () => {
    const res = await download(done.downloadUrl as string, { Range: `bytes=${done.file?.sizeBytes}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${done.file?.sizeBytes}`);
    expect(res.json.error.code).toBe('range_not_satisfiable');
  });

  it('answers 403 signature_invalid for a tampered path, expiry or signature, or none', async () => {
    const url = new URL(done.downloadUrl as string);
    const expires = Number(url.searchParams.get('expires'));
    const signature = url.searchParams.get('signature') as string;
    const variants = [
      url.href.replace(done.id, `${done.id}x`),
      url.href.replace(`expires=${expires}`, `expires=${expires + 3600}`),
      url.href.replace(`expires=${expires}`, `expires=0${expires}`),
      url.href.replace(signature, signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))),
      `${url.origin}${url.pathname}`,
    ];
    for (const variant of variants) {
      const res = await download(variant);
      expect(res.status, variant).toBe(403);
      expect(res.json.error.code).toBe('signature_invalid');
      expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    }
  });
});

describe('expiry and retention', () => {
  it('expires the URL after the TTL: 403 url_expired, and GET shows downloadUrl null without re-issuing it', async () => {
    const own = await startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, jobMinDurationMs: 0, rowsPerDay: 100, urlTtlSeconds: 60 });
    try {
      const exp = await completedExport(own);
      own.admin.advanceClock(59_000);
      expect((await download(exp.downloadUrl as string, { Range: 'bytes=0-' })).status).toBe(206);
      own.admin.advanceClock(1_000);
      const res = await download(exp.downloadUrl as string);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('url_expired');
      const later = await api(own).get(exp.id);
      expect(later.json).toMatchObject({ status: 'COMPLETE', downloadUrl: null, downloadUrlExpiresAt: exp.downloadUrlExpiresAt, file: exp.file });
    } finally {
      await own.close();
    }
  });

  it('does not cut a transfer already under way when the URL expires', async () => {
    const own = await startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, jobMinDurationMs: 0, rowsPerDay: 3000, urlTtlSeconds: 60 });
    try {
      const exp = await completedExport(own);
      own.admin.stallDownloadsAfter(1000, 300);
      const response = await fetch(exp.downloadUrl as string);
      own.admin.advanceClock(3600_000);
      const body = Buffer.from(await response.arrayBuffer());
      expect(sha(body)).toBe(exp.file?.sha256);
      expect((await download(exp.downloadUrl as string)).json.error.code).toBe('url_expired');
    } finally {
      await own.close();
    }
  });

  it('after retention answers 410 export_expired for GET and the file, and deletes the file', async () => {
    const dataDir = join(emu.dataDir, 'retention');
    const own = await startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, jobMinDurationMs: 0, rowsPerDay: 100, urlTtlSeconds: 3 * 86_400, processor: { retentionDays: 2 }, dataDir });
    try {
      const exp = await completedExport(own);
      expect(readdirSync(dataDir)).toEqual([`${exp.id}.csv`]);
      own.admin.advanceClock(2 * 86_400_000 - 1000);
      expect((await api(own).get(exp.id)).status).toBe(200);
      own.admin.advanceClock(1000);
      expect(existsSync(join(dataDir, `${exp.id}.csv`))).toBe(false);
      const get = await api(own).get(exp.id);
      expect(get.status).toBe(410);
      expect(get.json.error.code).toBe('export_expired');
      const file = await download(exp.downloadUrl as string);
      expect(file.status).toBe(410);
      expect(file.json.error.code).toBe('export_expired');
    } finally {
      await own.close();
    }
    expect(existsSync(dataDir)).toBe(true);
  });
});

describe('formats', () => {
  it('serves json as one array and ndjson as one object per line, with matching rows', async () => {
    const json = await completedExport(emu, { ...DAY, format: 'json' });
    const nd = await completedExport(emu, { ...DAY, format: 'ndjson' });
    const rows = JSON.parse((await download(json.downloadUrl as string)).body.toString()) as unknown[];
    const lines = (await download(nd.downloadUrl as string)).body.toString().trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(rows).toHaveLength(3000);
    expect(lines).toEqual(rows);
    expect(json.file).toMatchObject({ contentType: 'application/json', rowCount: 3000, name: 'audit_logs_20260301T000000Z_20260302T000000Z.json' });
    expect(nd.file?.contentType).toBe('application/x-ndjson');
  });
});
