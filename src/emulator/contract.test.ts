/** The contract checker the emulator's tests rely on must itself catch drift. */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertMatchesContract } from '../../test/support/openapi-validator';
import { startEmulator } from './index';

const ok = { 'x-request-id': 'req_1', 'content-type': 'application/json' };
const processor = { enabled: true, config: { maxConcurrentJobs: 3, retentionDays: 30 }, updatedAt: '2026-03-01T00:00:00Z' };

describe('assertMatchesContract', () => {
  it('accepts a documented response, by template or concrete path', () => {
    expect(() => assertMatchesContract('GET', '/v1/exports/processor', 200, ok, processor)).not.toThrow();
    const error = { error: { code: 'not_found', message: 'x', requestId: 'req_1' } };
    expect(() => assertMatchesContract('GET', '/v1/exports/exp_abc', 404, ok, error)).not.toThrow();
    expect(() => assertMatchesContract('GET', '/v1/exports/{id}', 410, new Headers(ok), { error: { ...error.error, code: 'export_expired' } })).not.toThrow();
  });

  it('names each kind of drift', () => {
    expect(() => assertMatchesContract('GET', '/v1/unknown', 200, ok, {})).toThrow(/not in the OpenAPI document/);
    expect(() => assertMatchesContract('DELETE', '/v1/exports/exp_a', 200, ok)).toThrow(/has no DELETE operation/);
    expect(() => assertMatchesContract('GET', '/v1/exports/processor', 418, ok)).toThrow(/status 418 is not documented/);
    expect(() => assertMatchesContract('GET', '/v1/exports/processor', 200, { 'content-type': 'application/json' }, processor)).toThrow(/X-Request-Id is required/);
    expect(() => assertMatchesContract('GET', '/v1/exports/processor', 200, ok, { ...processor, extra: 1 })).toThrow(/must NOT have additional properties \(extra\)/);
    expect(() => assertMatchesContract('GET', '/v1/exports/processor', 200, ok, { ...processor, config: { maxConcurrentJobs: 11, retentionDays: 30 } })).toThrow(/\/config\/maxConcurrentJobs must be <= 10/);
    const limited = { error: { code: 'rate_limited', message: 'x', requestId: 'r' } };
    expect(() => assertMatchesContract('POST', '/v1/exports', 429, ok, limited)).toThrow(/Retry-After is required/);
    expect(() => assertMatchesContract('POST', '/v1/exports', 429, { ...ok, 'retry-after': 'soon' }, limited)).toThrow(/Retry-After: "soon"/);
    expect(() => assertMatchesContract('GET', '/files/exp_a/a.csv', 200, { ...ok, 'content-type': 'text/plain' })).toThrow(/content type text\/plain is not documented/);
    expect(() => assertMatchesContract('GET', '/files/exp_a/a.csv', 200, { ...ok, 'content-type': 'text/csv', etag: 'abc' })).toThrow(/header ETag/);
  });
});

describe('requests Node cannot parse', () => {
  it('still get the error envelope with an X-Request-Id', async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      const { port } = new URL(emu.baseUrl);
      const raw = await new Promise<string>((resolve, reject) => {
        let data = '';
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('BROKEN \u0000 nonsense\r\n\r\n'));
        socket.on('data', (d) => (data += d.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400/);
      expect(raw).toMatch(/X-Request-Id: req_\w+/);
      expect(raw).toMatch(/"code":"validation_error"/);
    } finally {
      await emu.close();
    }
  });
});

describe('startEmulator', () => {
  it('rejects bad options and a busy port', async () => {
    await expect(startEmulator({ urlTtlSeconds: 0 })).rejects.toThrow(/urlTtlSeconds/);
    const emu = await startEmulator({ port: 0 });
    try {
      await expect(startEmulator({ port: Number(new URL(emu.baseUrl).port) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await emu.close();
    }
  });
});
