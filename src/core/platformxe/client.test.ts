/**
 * The client against the real emulator over loopback HTTP. Every emulator response is checked
 * against the OpenAPI document on its way in, so document, server and client cannot drift apart.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { assertMatchesContract } from '../../../test/support/openapi-validator';
import type { CreateExportRequest, Export } from '../../shared/wire';
import {
  createPlatformXEClient,
  PlatformXEError,
  type ClientOptions,
  type PlatformXEClient,
  type RetryEvent,
  type WithResponse,
} from './index';

const CANARY = 'pxe_canary_Zq9Wm4Kt7Rv2';
const CANARY_LIMITED = 'pxe_canary_limited_Hx3Jp8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const params: CreateExportRequest = {
  type: 'AUDIT_LOGS',
  format: 'csv',
  filters: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
};

let emu: RunningEmulator;
let fullKey: string;
let limitedKey: string;
const violations: string[] = [];
let checkedResponses = 0;

/** The real fetch, plus a contract check of every response (on a clone, so the client reads it untouched). */
const contractFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const text = await response.clone().text();
  try {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    assertMatchesContract(init?.method ?? 'GET', url.pathname, response.status, response.headers, text ? JSON.parse(text) : undefined);
    checkedResponses++;
  } catch (err) {
    violations.push(String(err));
  }
  return response;
};

function client(overrides: Partial<ClientOptions> = {}): PlatformXEClient {
  return createPlatformXEClient({
    baseUrl: emu.baseUrl,
    apiKey: fullKey,
    fetch: contractFetch,
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<PlatformXEError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlatformXEError);
  return err as PlatformXEError;
}

const apiRequests = () => emu.admin.requests().filter((r) => r.path.startsWith('/v1/'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilDone(c: PlatformXEClient, id: string): Promise<WithResponse<Export>> {
  for (let i = 0; i < 600; i++) {
    const current = await c.exports.get(id);
    if (current.status !== 'PROCESSING') return current;
    await pause(50);
  }
  throw new Error(`export ${id} did not finish`);
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, rateLimit: 0, jobMinDurationMs: 100 });
  fullKey = emu.keys.find((k) => k.scopes.includes('exports:create'))!.token;
  limitedKey = emu.keys.find((k) => !k.scopes.includes('exports:create'))!.token;
});

afterAll(async () => {
  await emu?.close();
  expect(checkedResponses).toBeGreaterThan(50);
});

afterEach(() => {
  emu.admin.setLatency(0);
  emu.admin.clearRequests();
  expect(violations.splice(0)).toEqual([]);
});

describe('endpoints', () => {
  it('create starts an export (202) with a generated Idempotency-Key, and the response meta is not enumerable', async () => {
    const created = await client().exports.create(params);

    expect(created).toMatchObject({ type: 'AUDIT_LOGS', format: 'csv', status: 'PROCESSING', filters: params.filters });
    expect(created.id).toMatch(/^exp_[A-Za-z0-9]+$/);
    expect(created.lastResponse).toMatchObject({ status: 202, attempts: 1 });
    expect(created.lastResponse.requestId).toBeTruthy();
    expect(Object.keys(created)).not.toContain('lastResponse');
    expect(JSON.parse(JSON.stringify(created))).not.toHaveProperty('lastResponse');
    const [sent] = apiRequests();
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/exports', status: 202 });
    expect(sent?.idempotencyKey).toMatch(UUID);
  });

  it('create with the same Idempotency-Key and body returns the same export (200)', async () => {
    const c = client();
    const first = await c.exports.create(params, { idempotencyKey: 'same-request-1' });
    const again = await c.exports.create(params, { idempotencyKey: 'same-request-1' });

    expect(again.id).toBe(first.id);
    expect(again.lastResponse.status).toBe(200);
    expect(apiRequests().map((r) => r.idempotencyKey)).toEqual(['same-request-1', 'same-request-1']);
  });

  it('get follows an export to COMPLETE with its file and signed URL', async () => {
    const c = client({ apiKey: async () => fullKey });
    const created = await c.exports.create({ ...params, format: 'ndjson' });
    const done = await waitUntilDone(c, created.id);

    expect(done.status).toBe('COMPLETE');
    expect(done.progress).toBe(1);
    expect(done.downloadUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(done.file).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(done.lastResponse).toMatchObject({ status: 200, attempts: 1 });
  });

  it('getProcessor and updateProcessor read and change the processor', async () => {
    const c = client();
    const before = await c.exports.getProcessor();
    expect(before).toMatchObject({ enabled: true, config: { maxConcurrentJobs: expect.any(Number) } });
    expect(before.lastResponse.status).toBe(200);

    const updated = await c.exports.updateProcessor({ config: { maxConcurrentJobs: 5, retentionDays: 7 } });
    expect(updated.config).toEqual({ maxConcurrentJobs: 5, retentionDays: 7 });
    expect((await c.exports.getProcessor()).config).toEqual({ maxConcurrentJobs: 5, retentionDays: 7 });

    await c.exports.updateProcessor({ config: before.config });
  });
});

describe('errors of the contract', () => {
  it('400 validation_error carries the details and is not retried', async () => {
    const backwards = { ...params, filters: { from: params.filters.to, to: params.filters.from } };
    const err = await caught(client().exports.create(backwards));

    expect(err).toMatchObject({ status: 400, code: 'validation_error', attempts: 1, retryable: false });
    expect(err.details.length).toBeGreaterThan(0);
    expect(err.requestId).toBeTruthy();
    expect(err.message).toMatch(/^PlatformXE rejected the request as invalid \(validation_error\): .+/);
    expect(apiRequests()).toHaveLength(1);
  });

  it('400 for an unknown body field and for an out-of-range processor value', async () => {
    const typo = await caught(client().exports.create({ ...params, fromat: 'csv' } as unknown as CreateExportRequest));
    expect(typo).toMatchObject({ status: 400, code: 'validation_error' });
    expect(typo.details.length).toBeGreaterThan(0);

    const range = await caught(client().exports.updateProcessor({ config: { maxConcurrentJobs: 11 } }));
    expect(range).toMatchObject({ status: 400, code: 'validation_error' });
    expect(range.details.map((d) => d.field).join(' ')).toContain('maxConcurrentJobs');
  });

  it('401 unauthenticated for an unknown key', async () => {
    const err = await caught(client({ apiKey: 'pxe_not_a_real_key' }).exports.getProcessor());

    expect(err).toMatchObject({ status: 401, code: 'unauthenticated', attempts: 1 });
    expect(err.message).toMatch(/^The API key was not accepted \(unauthenticated\)\. Check the key in your profile settings\./);
    expect(err.serverMessage).toBeTruthy();
    expect(apiRequests()).toHaveLength(1);
  });

  it('403 insufficient_scope names the required scope', async () => {
    const err = await caught(client({ apiKey: limitedKey }).exports.create(params));

    expect(err).toMatchObject({ status: 403, code: 'insufficient_scope', requiredScope: 'exports:create', attempts: 1 });
    expect(err.message).toContain('exports:create');
    expect(apiRequests()).toHaveLength(1);
  });

  it('404 not_found for an unknown export', async () => {
    const err = await caught(client().exports.get('exp_doesNotExist123'));

    expect(err).toMatchObject({ status: 404, code: 'not_found', attempts: 1 });
    expect(apiRequests()).toHaveLength(1);
  });

  it('409 processor_disabled when creating while the processor is off', async () => {
    const c = client();
    await c.exports.updateProcessor({ enabled: false });
    try {
      const err = await caught(c.exports.create(params));
      expect(err).toMatchObject({ status: 409, code: 'processor_disabled', attempts: 1 });
      expect(err.message).toContain('Enable it');
    } finally {
      await c.exports.updateProcessor({ enabled: true });
    }
  });

  it('409 idempotency_conflict when a key is reused with a different body', async () => {
    const c = client();
    await c.exports.create(params, { idempotencyKey: 'conflict-key-1' });
    const err = await caught(c.exports.create({ ...params, format: 'json' }, { idempotencyKey: 'conflict-key-1' }));

    expect(err).toMatchObject({ status: 409, code: 'idempotency_conflict', attempts: 1 });
  });

  it('429 rate_limited exposes Retry-After when retries are used up', async () => {
    emu.admin.rateLimitStorm(1, 1);
    const err = await caught(client({ retry: { maxAttempts: 1 } }).exports.getProcessor());

    expect(err).toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: 1000, retryable: true });
    expect(err.message).toContain('Wait 1 second');
  });

  it('500 internal_error and 503 unavailable', async () => {
    const c = client({ retry: { maxAttempts: 1 } });
    emu.admin.failNext(1, 500);
    expect(await caught(c.exports.getProcessor())).toMatchObject({ status: 500, code: 'internal_error', retryable: true });
    emu.admin.failNext(1, 503);
    expect(await caught(c.exports.getProcessor())).toMatchObject({ status: 503, code: 'unavailable', retryable: true });
  });

  it('410 export_expired once the file passed its retention period', async () => {
    const own = await startEmulator({ port: 0, rateLimit: 0, jobMinDurationMs: 50, processor: { retentionDays: 1 } });
    try {
      const c = client({ baseUrl: own.baseUrl, apiKey: own.keys[0]!.token });
      const created = await c.exports.create(params);
      expect((await waitUntilDone(c, created.id)).status).toBe('COMPLETE');
      own.admin.advanceClock(2 * 24 * 3600 * 1000);

      const err = await caught(c.exports.get(created.id));
      expect(err).toMatchObject({ status: 410, code: 'export_expired', attempts: 1 });
      expect(err.message).toContain('Create a new export');
    } finally {
      await own.close();
    }
  });
});

describe('input checks before sending', () => {
  it('refuses a malformed id, body or Idempotency-Key without a request', async () => {
    const c = client();
    const badId = await caught(c.exports.get('../processor'));
    expect(badId).toMatchObject({ status: null, code: 'validation_error', attempts: 0 });
    expect(badId.details[0]?.field).toBe('id');
    expect(badId.message).toMatch(/^The request was not sent because it is invalid \(validation_error\): id: /);

    const noFilters = await caught(c.exports.create({ type: 'AUDIT_LOGS', format: 'csv' } as CreateExportRequest));
    expect(noFilters.details.map((d) => d.field)).toContain('filters');

    const badKey = await caught(c.exports.create(params, { idempotencyKey: 'has spaces' }));
    expect(badKey.details[0]?.field).toBe('idempotencyKey');

    expect(await caught(client({ apiKey: '' }).exports.getProcessor())).toMatchObject({ code: 'unauthenticated', status: null });
    expect(apiRequests()).toEqual([]);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createPlatformXEClient({ baseUrl: 'ftp://example.com', apiKey: 'k' })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => createPlatformXEClient({ baseUrl: 'not a url', apiKey: 'k' })).toThrow(/not a valid URL/);
  });
});

describe('retries', () => {
  it('waits out a 429 storm honouring Retry-After, with the same Idempotency-Key on every create', async () => {
    const retries: RetryEvent[] = [];
    emu.admin.rateLimitStorm(2, 1);
    const created = await client({ onRetry: (e) => retries.push(e) }).exports.create(params);

    expect(created.lastResponse).toMatchObject({ status: 202, attempts: 3 });
    expect(retries.map((r) => r.error.code)).toEqual(['rate_limited', 'rate_limited']);
    expect(retries.every((r) => r.delayMs >= 1000)).toBe(true);
    const sent = apiRequests();
    expect(sent.map((r) => r.status)).toEqual([429, 429, 202]);
    expect(new Set(sent.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(sent[0]?.idempotencyKey).toMatch(UUID);
  });

  it('rides out a 503 burst on create, keeping the caller’s Idempotency-Key', async () => {
    emu.admin.failNext(3, 503);
    const created = await client().exports.create(params, { idempotencyKey: 'burst-key-1' });

    expect(created.lastResponse).toMatchObject({ status: 202, attempts: 4 });
    expect(apiRequests().map((r) => [r.status, r.idempotencyKey])).toEqual([
      [503, 'burst-key-1'],
      [503, 'burst-key-1'],
      [503, 'burst-key-1'],
      [202, 'burst-key-1'],
    ]);
  });

  it('retries a reset connection on create with the same Idempotency-Key', async () => {
    const retries: RetryEvent[] = [];
    emu.admin.resetNextConnections(2);
    const created = await client({ onRetry: (e) => retries.push(e) }).exports.create(params);

    expect(created.lastResponse.attempts).toBe(3);
    expect(retries.map((r) => r.error.code)).toEqual(['network_error', 'network_error']);
    const keys = apiRequests()
      .filter((r) => r.method === 'POST')
      .map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('retries get, getProcessor and updateProcessor on 500/503', async () => {
    const c = client();
    const created = await c.exports.create(params);
    emu.admin.failNext(2, 500);
    expect((await c.exports.get(created.id)).lastResponse.attempts).toBe(3);
    emu.admin.failNext(1, 503);
    expect((await c.exports.getProcessor()).lastResponse.attempts).toBe(2);
    emu.admin.failNext(2, 503);
    expect((await c.exports.updateProcessor({ enabled: true })).lastResponse.attempts).toBe(3);
  });

  it('stops after maxAttempts', async () => {
    emu.admin.failNext(3, 503);
    const err = await caught(client({ retry: { maxAttempts: 3, baseDelayMs: 1 } }).exports.getProcessor());

    expect(err).toMatchObject({ code: 'unavailable', status: 503, attempts: 3 });
    expect(err.message).toContain('after 3 attempts');
    expect(apiRequests()).toHaveLength(3);
  });

  it('stops when the next wait would pass maxElapsedMs', async () => {
    emu.admin.failNext(1, 503);
    const err = await caught(
      client({ random: () => 0.99, retry: { baseDelayMs: 1000, maxElapsedMs: 500 } }).exports.getProcessor(),
    );
    expect(err).toMatchObject({ code: 'unavailable', attempts: 1 });

    emu.admin.rateLimitStorm(2, 1);
    const limited = await caught(client({ retry: { baseDelayMs: 0, maxElapsedMs: 1500 } }).exports.getProcessor());
    expect(limited).toMatchObject({ code: 'rate_limited', attempts: 2 });
  });

  it('does not wait out a Retry-After longer than maxRetryAfterMs, and reports it', async () => {
    emu.admin.rateLimitStorm(1, 120);
    const err = await caught(client().exports.getProcessor());

    expect(err).toMatchObject({ code: 'rate_limited', attempts: 1, retryAfterMs: 120_000 });
    expect(err.message).toContain('Wait 120 seconds');
  });

  it('stays within a real per-key rate limit by waiting out its Retry-After', async () => {
    const limited = await startEmulator({ port: 0, rateLimit: 1 });
    try {
      const retries: RetryEvent[] = [];
      const c = client({ baseUrl: limited.baseUrl, apiKey: limited.keys[0]!.token, onRetry: (e) => retries.push(e) });
      const results = await Promise.all([1, 2, 3, 4].map(() => c.exports.getProcessor()));

      expect(results.every((r) => r.enabled === true)).toBe(true);
      expect(retries.length).toBeGreaterThan(0);
      expect(retries.every((r) => r.error.code === 'rate_limited' && r.delayMs >= (r.error.retryAfterMs ?? 0))).toBe(true);
      expect(limited.admin.requests().some((r) => r.status === 429)).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('aborts during the wait between attempts', async () => {
    const controller = new AbortController();
    emu.admin.rateLimitStorm(1, 30);
    const err = await caught(
      client({ onRetry: () => controller.abort() }).exports.getProcessor({ signal: controller.signal }),
    );

    expect(err).toMatchObject({ code: 'aborted', attempts: 1 });
    expect(apiRequests()).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  // Its own emulator: requests held back by the added latency must not meet faults armed by other tests.
  let slow: RunningEmulator;
  const slowClient = (overrides: Partial<ClientOptions> = {}) => client({ baseUrl: slow.baseUrl, ...overrides });

  beforeAll(async () => {
    slow = await startEmulator({ port: 0, rateLimit: 0 });
    slow.admin.setLatency(2000);
  });

  afterAll(async () => {
    await slow?.close();
  });

  it('times out each attempt and retries it', async () => {
    const err = await caught(slowClient({ timeoutMs: 200, retry: { maxAttempts: 2 } }).exports.getProcessor());

    expect(err).toMatchObject({ code: 'timeout', status: null, attempts: 2, retryable: true });
    expect(err.message).toMatch(/did not answer within 200 ms \(timeout, after 2 attempts\)/);
  });

  it('takes a per-call timeout', async () => {
    const err = await caught(slowClient({ retry: { maxAttempts: 1 } }).exports.getProcessor({ timeoutMs: 100 }));
    expect(err).toMatchObject({ code: 'timeout', attempts: 1 });
  });

  it('does not send when the signal is already aborted', async () => {
    const before = slow.admin.requests().length;
    const err = await caught(slowClient().exports.create(params, { signal: AbortSignal.abort() }));

    expect(err).toMatchObject({ code: 'aborted', attempts: 0, retryable: false });
    expect(slow.admin.requests()).toHaveLength(before);
  });

  it('aborts an attempt in flight without retrying', async () => {
    const before = slow.admin.requests().length;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const err = await caught(slowClient().exports.getProcessor({ signal: controller.signal }));
    expect(slow.admin.requests()).toHaveLength(before + 1);

    expect(err).toMatchObject({ code: 'aborted', attempts: 1 });
    expect(err.message).toBe('The request to PlatformXE was cancelled (aborted).');
  });
});

describe('responses that are not PlatformXE', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/html/v1/exports/processor') {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
      } else if (req.url === '/broken/v1/exports/processor') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"enabled":"yes"}');
      } else if (req.url === '/text/v1/exports/processor') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
      } else if (req.url === '/moved/v1/exports/processor') {
        res.writeHead(301, { location: 'https://elsewhere.example/v1/exports/processor' }).end();
      } else {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const other = (path: string) =>
    createPlatformXEClient({ baseUrl: baseUrl + path, apiKey: CANARY, retry: { maxAttempts: 2, baseDelayMs: 1 } });

  it('maps bodies it cannot read to invalid_response with a readable message', async () => {
    const broken = await caught(other('/broken').exports.getProcessor());
    expect(broken).toMatchObject({ code: 'invalid_response', status: 200, attempts: 1 });
    expect(broken.message).toMatch(/cannot read \(invalid_response: the body does not match the contract \(enabled: .+\)\)/);

    const text = await caught(other('/text').exports.getProcessor());
    expect(text.message).toContain('invalid_response: the body is not JSON');

    const wrongBase = await caught(other('/nothing-here').exports.getProcessor());
    expect(wrongBase).toMatchObject({ code: 'invalid_response', status: 404, attempts: 1 });
    expect(wrongBase.message).toContain("Check that the profile's base URL points at the PlatformXE API");
  });

  it('keeps a proxy’s 502 retryable and never follows a redirect', async () => {
    expect(await caught(other('/html').exports.getProcessor())).toMatchObject({
      code: 'unavailable',
      status: 502,
      attempts: 2,
    });
    const moved = await caught(other('/moved').exports.getProcessor());
    expect(moved).toMatchObject({ code: 'invalid_response', status: 301 });
    expect(moved.message).toContain('redirect to https://elsewhere.example');
  });
});

describe('the API key never leaks', () => {
  let own: RunningEmulator;

  beforeAll(async () => {
    own = await startEmulator({
      port: 0,
      rateLimit: 0,
      keys: { [CANARY]: ['exports:create'], [CANARY_LIMITED]: ['exports:read'] },
    });
  });

  afterAll(async () => {
    await own?.close();
  });

  function everything(err: unknown): string {
    const parts: string[] = [String(err), JSON.stringify(err), inspect(err, { depth: Infinity, showHidden: true })];
    for (let e = err; e instanceof Error; e = e.cause) parts.push(e.message, e.stack ?? '', JSON.stringify(e));
    return parts.join('\n');
  }

  const canaryClient = (overrides: Partial<ClientOptions> = {}) =>
    client({ baseUrl: own.baseUrl, apiKey: CANARY, retry: { maxAttempts: 2, baseDelayMs: 1 }, ...overrides });

  it('not in server errors, network errors, timeouts, aborts or retry events', async () => {
    const errors: unknown[] = [];
    const retries: RetryEvent[] = [];
    const collect = async (p: Promise<unknown>) => errors.push(await caught(p));

    await collect(canaryClient({ apiKey: `${CANARY}x` }).exports.getProcessor());
    await collect(canaryClient({ apiKey: CANARY_LIMITED }).exports.create(params));
    await collect(canaryClient().exports.get('exp_missing1'));
    own.admin.resetNextConnections(2);
    await collect(canaryClient({ onRetry: (e) => retries.push(e) }).exports.getProcessor());
    own.admin.setLatency(1000);
    await collect(canaryClient({ timeoutMs: 100, onRetry: (e) => retries.push(e) }).exports.getProcessor());
    await collect(canaryClient().exports.getProcessor({ signal: AbortSignal.timeout(100) }));
    own.admin.setLatency(0);

    expect(errors.map((e) => (e as PlatformXEError).code)).toEqual([
      'unauthenticated',
      'insufficient_scope',
      'not_found',
      'network_error',
      'timeout',
      'aborted',
    ]);
    expect(retries.length).toBeGreaterThan(0);
    for (const text of [...errors.map(everything), ...retries.map((r) => everything(r.error) + JSON.stringify(r))]) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(CANARY_LIMITED);
    }
  });

  it('not in the cause when fetch throws an error quoting the URL and headers', async () => {
    const leakyFetch: typeof fetch = async (input, init) => {
      const headers = JSON.stringify(init?.headers);
      throw new TypeError(`net::ERR_CONNECTION_RESET while fetching ${String(input)} with ${headers}`, {
        cause: Object.assign(new Error(`socket hang up (Authorization: Bearer ${CANARY})`), {
          code: 'ECONNRESET',
          request: { headers: init?.headers },
        }),
      });
    };
    const err = await caught(canaryClient({ fetch: leakyFetch }).exports.getProcessor());

    expect(err).toMatchObject({ code: 'network_error', attempts: 2 });
    expect(err.message).toContain('connection reset, ECONNRESET');
    expect(err.cause).toBeInstanceOf(Error);
    expect(everything(err)).not.toContain(CANARY);
  });

  it('not in the error for a refused connection or a key that cannot be sent', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const refused = await caught(canaryClient({ baseUrl: `http://127.0.0.1:${port}` }).exports.getProcessor());
    expect(refused).toMatchObject({ code: 'network_error', attempts: 2 });
    expect(refused.message).toContain('ECONNREFUSED');
    expect(everything(refused)).not.toContain(CANARY);

    const spaced = await caught(canaryClient({ apiKey: `${CANARY} \n` }).exports.getProcessor());
    expect(spaced).toMatchObject({ code: 'unauthenticated', attempts: 0 });
    expect(everything(spaced)).not.toContain(CANARY);
  });
});
