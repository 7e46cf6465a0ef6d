/**
 * Shared by the download tests: a completed export on a running emulator, fetched over plain HTTP.
 * Typed structurally because only `*.test.ts` files may import the emulator.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getGlobalDispatcher } from 'undici';
import { httpGetFromFetch, type HttpGet } from './http-get';
import { createUndiciHttpGet } from './undici-get';

export interface EmulatorLike {
  baseUrl: string;
  keys: { token: string }[];
}

export interface CompletedExport {
  id: string;
  downloadUrl: string;
  file: { name: string; sizeBytes: number; sha256: string };
}

export const ONE_DAY = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };

async function api(emulator: EmulatorLike, method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${emulator.keys[0]?.token ?? ''}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export async function getExport(emulator: EmulatorLike, id: string): Promise<Record<string, unknown>> {
  return api(emulator, 'GET', `/v1/exports/${id}`);
}

export async function createCompletedExport(emulator: EmulatorLike, filters: Record<string, string> = ONE_DAY): Promise<CompletedExport> {
  const created = await api(emulator, 'POST', '/v1/exports', { type: 'AUDIT_LOGS', format: 'csv', filters });
  const id = created.id as string;
  for (let i = 0; i < 600; i++) {
    const current = await getExport(emulator, id);
    if (current.status === 'COMPLETE') return asCompleted(current);
    if (current.status === 'FAILED') throw new Error(`export ${id} failed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`export ${id} did not complete`);
}

export function asCompleted(current: Record<string, unknown>): CompletedExport {
  const file = current.file as CompletedExport['file'];
  return { id: current.id as string, downloadUrl: current.downloadUrl as string, file: { name: file.name, sizeBytes: file.sizeBytes, sha256: file.sha256 } };
}

export async function tempFolder(prefix: string): Promise<string> {
  return realpath(await mkdtemp(path.join(tmpdir(), prefix)));
}

export async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** The resume offset of a recorded `Range: bytes=N-` header. */
export function rangeStart(range: string | null): number | null {
  const match = range ? /^bytes=(\d+)-$/.exec(range) : null;
  return match ? Number(match[1]) : null;
}

/** The two transports hosts download through: fetch-based (Electron's net.fetch) and undici's request (the CLI). */
export const TRANSPORTS: Array<{ name: string; httpGet: HttpGet }> = [
  { name: 'fetch', httpGet: httpGetFromFetch(globalThis.fetch) },
  { name: 'undici request', httpGet: createUndiciHttpGet(getGlobalDispatcher()) },
];
