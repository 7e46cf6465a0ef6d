/** Shared by the emulator's tests: contract-checked calls and polling helpers. Not used at runtime. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CreateExportRequest, ErrorResponse, Export } from '../shared/wire';
import { contractFetch, type CheckedResponse } from '../../test/support/openapi-validator';
import type { RunningEmulator } from './types';

export const FULL_KEY = 'pxe_test_full';
export const READ_KEY = 'pxe_test_read';
export const TEST_KEYS = { [FULL_KEY]: ['exports:create'], [READ_KEY]: ['exports:read'] };

export const DAY: CreateExportRequest = {
  type: 'AUDIT_LOGS',
  format: 'csv',
  filters: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
};

export function api(emu: RunningEmulator, token: string | null = FULL_KEY) {
  const call = <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    contractFetch<T>(`${emu.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    call,
    create: (body: unknown = DAY, headers: Record<string, string> = {}) => call<Export & ErrorResponse>('POST', '/v1/exports', body, headers),
    get: (id: string) => call<Export & ErrorResponse>('GET', `/v1/exports/${id}`),
    processor: () => call<Record<string, unknown>>('GET', '/v1/exports/processor'),
    patchProcessor: (body: unknown) => call<Record<string, unknown> & ErrorResponse>('PATCH', '/v1/exports/processor', body),
  };
}

/** Polls until `done` holds; fails with the last value after `timeoutMs`. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await sleep(20);
  }
}

export async function completedExport(emu: RunningEmulator, body: unknown = DAY): Promise<Export> {
  const created = await api(emu).create(body);
  if (created.status !== 202) throw new Error(`create answered ${created.status}: ${created.body.toString()}`);
  const done = await pollUntil(() => api(emu).get(created.json.id), (r) => r.json.status !== 'PROCESSING');
  if (done.json.status !== 'COMPLETE') throw new Error(`export ended ${done.json.status}`);
  return done.json;
}

/** Downloads with contract checks; returns the checked response. */
export function download(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<CheckedResponse<ErrorResponse>> {
  return contractFetch<ErrorResponse>(url, { method, headers });
}
