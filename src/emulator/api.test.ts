import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { api, completedExport, DAY, FULL_KEY, READ_KEY, TEST_KEYS } from './test-helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, jobMinDurationMs: 50, rowsPerDay: 2000 });
});
afterAll(() => emu.close());

describe('auth', () => {
  it('answers 401 unauthenticated for a missing, malformed or unknown key, without echoing it', async () => {
    for (const headers of [{}, { Authorization: 'Basic abc' }, { Authorization: 'Bearer pxe_secret_unknown' }] as Record<string, string>[]) {
      const res = await api(emu, null).call('GET', '/v1/exports/processor', undefined, headers);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error: { code: 'unauthenticated', requestId: res.headers.get('x-request-id') } });
      expect(res.body.toString()).not.toContain('pxe_secret_unknown');
    }
  });

  it('answers 403 insufficient_scope with requiredScope on every method for a key without exports:create', async () => {
    const reader = api(emu, READ_KEY);
    for (const res of [await reader.create(), await reader.get('exp_abc'), await reader.processor(), await reader.patchProcessor({})]) {
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ error: { code: 'insufficient_scope', requiredScope: 'exports:create' } });
    }
  });
});

describe('X-Request-Id and unknown routes', () => {
  it('is on every response, including 404 of unknown routes, each one unique', async () => {
    const ids = new Set<string>();
    for (const path of ['/nope', '/v1/exports/processor', '/v2/exports', '/files/x']) {
      const res = await fetch(`${emu.baseUrl}${path}`, { headers: { Authorization: `Bearer ${FULL_KEY}` } });
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^req_/);
      ids.add(id as string);
      if (res.status === 404) expect(await res.json()).toMatchObject({ error: { code: 'not_found', requestId: id } });
    }
    expect(ids.size).toBe(4);
  });

  it('answers HEAD on API reads with headers only', async () => {
    const res = await api(emu).call('HEAD', '/v1/exports/processor');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('answers 404 not_found for an unknown export id', async () => {
    for (const id of ['exp_doesnotexist', 'not-an-id']) {
      const res = await api(emu).get(id);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
  });
});

describe('create validation', () => {
  const detailsOf = async (body: unknown) => {
    const res = await api(emu).create(body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_error');
    return res.json.error.details ?? [];
  };

  it('rejects unknown fields, naming them', async () => {
    expect(await detailsOf({ ...DAY, formt: 'csv' })).toContainEqual({ field: 'formt', message: 'is not a known field' });
  });

  it('rejects malformed JSON and non-object bodies', async () => {
    expect(await detailsOf('{"type": "AUDIT_LOGS",')).toEqual([{ field: 'body', message: 'is not valid JSON' }]);
    expect(await detailsOf('[1,2]')).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
    expect(await detailsOf('')).toEqual([{ field: 'body', message: 'a JSON object is required' }]);
  });

  it('checks type, format and RFC 3339 times, reporting every problem', async () => {
    const details = await detailsOf({ type: 'USERS', format: 'xml', filters: { from: '2026-03-01', to: '2026-02-30T00:00:00Z' } });
    expect(details.map((d) => d.field).sort()).toEqual(['filters.from', 'filters.to', 'format', 'type']);
  });

  it('requires from < to and filters as strings', async () => {
    expect(await detailsOf({ ...DAY, filters: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } })).toEqual([
      { field: 'filters.to', message: 'must be after filters.from' },
    ]);
    expect(await detailsOf({ ...DAY, filters: { ...DAY.filters, actor: 42 } })).toEqual([{ field: 'filters.actor', message: 'must be a string' }]);
    expect(await detailsOf({ type: 'AUDIT_LOGS', format: 'csv' })).toContainEqual(expect.objectContaining({ field: 'filters' }));
    expect(await detailsOf({ type: 'AUDIT_LOGS', filters: DAY.filters })).toEqual([{ field: 'format', message: 'is required' }]);
  });

  it('accepts offsets and extra string filters and echoes the filters back', async () => {
    const filters = { from: '2026-03-01T01:00:00+01:00', to: '2026-03-01T02:00:00.5Z', actor: 'alice.nguyen@acme.example' };
    const res = await api(emu).create({ ...DAY, filters });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: 'PROCESSING', filters, completedAt: null, downloadUrl: null, file: null, error: null, expiresAt: null });
    expect(res.json.progress).toBeGreaterThanOrEqual(0);
  });
});

describe('a completed export', () => {
  it('carries a signed absolute URL, its expiry, the file and the retention expiry', async () => {
    const done = await completedExport(emu);
    const completed = Date.parse(done.completedAt as string);
    expect(done.progress).toBe(1);
    expect(done.downloadUrl).toMatch(new RegExp(`^${emu.baseUrl}/files/${done.id}/audit_logs_20260301T000000Z_20260302T000000Z\\.csv\\?expires=\\d+&signature=[0-9a-f]{64}$`));
    expect(Date.parse(done.downloadUrlExpiresAt as string) - completed).toBe(3600_000);
    expect(Number(new URL(done.downloadUrl as string).searchParams.get('expires')) * 1000).toBe(Date.parse(done.downloadUrlExpiresAt as string));
    expect(Date.parse(done.expiresAt as string) - completed).toBe(30 * 86_400_000);
    expect(done.file).toMatchObject({ name: 'audit_logs_20260301T000000Z_20260302T000000Z.csv', contentType: 'text/csv', rowCount: 2000 });
    expect(done.file?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('idempotency', () => {
  it('returns the same export with 200 for the same key and body, 409 for a different body', async () => {
    const headers = { 'Idempotency-Key': 'idem-1' };
    const first = await api(emu).create(DAY, headers);
    expect(first.status).toBe(202);
    const again = await api(emu).create({ filters: DAY.filters, format: 'csv', type: 'AUDIT_LOGS' }, headers);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await api(emu).create({ ...DAY, format: 'json' }, headers);
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('idempotency_conflict');
  });

  it('scopes keys per API key and forgets them after 24 h', async () => {
    const own = await startEmulator({ port: 0, keys: { a: ['exports:create'], b: ['exports:create'] }, rateLimit: 0, jobMinDurationMs: 0, rowsPerDay: 10 });
    try {
      const headers = { 'Idempotency-Key': 'shared-key' };
      const a = await api(own, 'a').create(DAY, headers);
      const b = await api(own, 'b').create({ ...DAY, format: 'json' }, headers);
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(b.json.id).not.toBe(a.json.id);
      own.admin.advanceClock(24 * 3600_000);
      const later = await api(own, 'a').create({ ...DAY, format: 'ndjson' }, headers);
      expect(later.status).toBe(202);
      expect(later.json.id).not.toBe(a.json.id);
    } finally {
      await own.close();
    }
  });

  it('rejects an over-long Idempotency-Key', async () => {
    const res = await api(emu).create(DAY, { 'Idempotency-Key': 'k'.repeat(256) });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([{ field: 'Idempotency-Key', message: 'must be 1 to 255 characters' }]);
  });
});

describe('processor', () => {
  it('reads, partially updates and validates bounds', async () => {
    const initial = await api(emu).processor();
    expect(initial.json).toMatchObject({ enabled: true, config: { maxConcurrentJobs: 3, retentionDays: 30 } });

    const patched = await api(emu).patchProcessor({ config: { retentionDays: 7 } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ enabled: true, config: { maxConcurrentJobs: 3, retentionDays: 7 } });

    for (const bad of [{ config: { maxConcurrentJobs: 0 } }, { config: { maxConcurrentJobs: 11 } }, { config: { retentionDays: 366 } }, { config: { retentionDays: 1.5 } }, { enabled: 'yes' }, { paused: true }, { config: { max: 1 } }]) {
      const res = await api(emu).patchProcessor(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error.code).toBe('validation_error');
      expect(res.json.error.details?.length).toBeGreaterThan(0);
    }
    expect((await api(emu).processor()).json).toMatchObject({ config: { maxConcurrentJobs: 3, retentionDays: 7 } });
    await api(emu).patchProcessor({ config: { retentionDays: 30 } });
  });

  it('answers 409 processor_disabled on create while disabled', async () => {
    expect((await api(emu).patchProcessor({ enabled: false })).json).toMatchObject({ enabled: false });
    const res = await api(emu).create();
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('processor_disabled');
    await api(emu).patchProcessor({ enabled: true });
    expect((await api(emu).create()).status).toBe(202);
  });
});
