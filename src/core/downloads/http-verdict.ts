import type { DownloadErrorCode } from './errors';
import type { HttpGetResponse } from './http-get';

/** What to do with the answer to one `GET <downloadUrl>`. */
export type Verdict =
  | { kind: 'stream'; restartFromZero: boolean; servedSize: number | null }
  /** The server answered a range we did not ask for: the .part must start over. */
  | { kind: 'restart'; reason: string }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'fatal'; code: DownloadErrorCode; message: string };

const MAX_ERROR_BODY_BYTES = 64 * 1024;
const RETRYABLE = new Set([408, 425, 429]);

export async function judgeResponse(response: HttpGetResponse, offset: number, now: number): Promise<Verdict> {
  const { status } = response;
  if (status === 200) {
    return { kind: 'stream', restartFromZero: offset > 0, servedSize: headerNumber(response, 'content-length') };
  }
  if (status === 206) return judgePartial(response, offset);
  const code = await errorCode(response);
  if (status === 416) return { kind: 'restart', reason: 'the server refused the resume range' };
  if (status === 403 && code === 'url_expired') {
    return { kind: 'fatal', code: 'link_expired', message: 'The download link has expired; re-run the export to get a new link.' };
  }
  if (status === 403 && code === 'signature_invalid') {
    return { kind: 'fatal', code: 'link_invalid', message: 'The download link was rejected as invalid; fetch the export again to get its link.' };
  }
  if (status === 410) {
    return { kind: 'fatal', code: 'export_expired', message: 'The export has passed its retention period and is gone from the server; create a new export.' };
  }
  if (status >= 500 || RETRYABLE.has(status)) {
    return { kind: 'retry', reason: `the server answered ${status}`, retryAfterMs: retryAfter(response, now) };
  }
  return {
    kind: 'fatal',
    code: 'http_error',
    message: `The server refused the download (HTTP ${status}${code ? ` ${code}` : ''}); retry later or re-run the export.`,
  };
}

function judgePartial(response: HttpGetResponse, offset: number): Verdict {
  const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers.get('content-range')?.trim() ?? '');
  if (!range || Number(range[1]) !== offset) {
    response.discard();
    return { kind: 'restart', reason: 'the server resumed at another offset' };
  }
  const total = range[3] === '*' ? null : Number(range[3]);
  return { kind: 'stream', restartFromZero: false, servedSize: total };
}

function headerNumber(response: HttpGetResponse, name: string): number | null {
  const value = response.headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null;
}

function retryAfter(response: HttpGetResponse, now: number): number | null {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The `error.code` of a JSON error body, read with a size cap so a hostile body cannot fill memory. */
async function errorCode(response: HttpGetResponse): Promise<string | null> {
  const text = await readCapped(response);
  try {
    const parsed: unknown = JSON.parse(text);
    const code = (parsed as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

async function readCapped(response: HttpGetResponse): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= MAX_ERROR_BODY_BYTES) break;
    }
  } catch {
    return '';
  } finally {
    response.discard();
  }
  return Buffer.concat(chunks).toString('utf8');
}
