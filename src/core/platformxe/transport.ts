/** One HTTP attempt: headers, per-attempt timeout, caller abort, and the mapping of every outcome. */
import type { Clock } from '../clock';
import { failure, type Failure } from './messages';
import { causeCode, redact, safeOrigin, sanitizeCause } from './redact';
import { parseRetryAfter } from './retry';
import { errorEnvelopeSchema, isKnownErrorCode } from './schemas';
import type { PlatformXEErrorCode } from './errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface AttemptRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  apiKey: string;
  userAgent: string;
  timeoutMs: number;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface AttemptDeps {
  fetch: FetchLike;
  clock: Clock;
}

export type AttemptResult =
  | { ok: true; status: number; requestId: string | null; body: unknown }
  | { ok: false; failure: Failure };

export async function sendOnce(req: AttemptRequest, deps: AttemptDeps): Promise<AttemptResult> {
  if (req.signal?.aborted) return { ok: false, failure: failure('aborted') };
  const controller = new AbortController();
  let timedOut = false;
  const timer = deps.clock.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onCallerAbort = () => controller.abort();
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await untilAborted(deps.fetch(req.url, init(req, controller.signal)), controller.signal);
    const text = await untilAborted(response.text(), controller.signal);
    return interpret(response, text, req, deps.clock.now());
  } catch (err) {
    if (req.signal?.aborted) return { ok: false, failure: failure('aborted') };
    if (timedOut) return { ok: false, failure: failure('timeout') };
    return { ok: false, failure: networkFailure(err, req.apiKey) };
  } finally {
    deps.clock.clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function init(req: AttemptRequest, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${req.apiKey}`,
    Accept: 'application/json',
    'User-Agent': req.userAgent,
  };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  if (req.idempotencyKey !== undefined) headers['Idempotency-Key'] = req.idempotencyKey;
  return {
    method: req.method,
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    signal,
    // A redirect could carry the Authorization header to another host; the API never redirects.
    redirect: 'manual',
  };
}

/** Settles with `work` unless `signal` aborts first, for fetch implementations that ignore signals. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function interpret(response: Response, text: string, req: AttemptRequest, nowMs: number): AttemptResult {
  const requestId = response.headers.get('x-request-id');
  const { status } = response;
  if (status >= 200 && status < 300) {
    const body = parseJson(text);
    if (body === undefined) {
      return { ok: false, failure: failure('invalid_response', { status, requestId, hint: 'the body is not JSON' }) };
    }
    return { ok: true, status, requestId, body };
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    const hint = `HTTP ${status} redirect${location ? ` to ${safeOrigin(new URL(location, req.url).href)}` : ''}`;
    return { ok: false, failure: failure('invalid_response', { status, requestId, hint }) };
  }
  return { ok: false, failure: errorFailure(status, requestId, text, response.headers, req.apiKey, nowMs) };
}

function errorFailure(
  status: number,
  requestId: string | null,
  text: string,
  headers: Headers,
  apiKey: string,
  nowMs: number,
): Failure {
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), nowMs);
  const envelope = errorEnvelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) {
    return failure(statusCode(status), {
      status,
      requestId,
      retryAfterMs,
      hint: `HTTP ${status} without a PlatformXE error body`,
    });
  }
  const e = envelope.data.error;
  const clean = (s: string) => redact(s, [apiKey]);
  return failure(isKnownErrorCode(e.code) ? e.code : statusCode(status), {
    status,
    requestId: e.requestId ?? requestId,
    requiredScope: e.requiredScope ?? null,
    retryAfterMs,
    details: (e.details ?? []).map((d) => ({ field: clean(d.field), message: clean(d.message) })),
    serverMessage: clean(e.message),
    hint: isKnownErrorCode(e.code) ? null : `HTTP ${status} with unknown error code ${clean(e.code)}`,
  });
}

/** Transient statuses keep a code the caller can act on even when a proxy, not PlatformXE, answered. */
function statusCode(status: number): PlatformXEErrorCode {
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 500) return 'internal_error';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'invalid_response';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection closed unexpectedly',
  EPIPE: 'connection closed unexpectedly',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

function networkFailure(err: unknown, apiKey: string): Failure {
  const cause = sanitizeCause(err, [apiKey]);
  const code = causeCode(cause) ?? /net::ERR_[A-Z_]+/.exec(cause.message)?.[0] ?? null;
  const hint = code ? (NETWORK_CODES[code] ? `${NETWORK_CODES[code]}, ${code}` : code) : innermostMessage(cause);
  return failure('network_error', { hint, cause });
}

/** undici wraps the useful words ("bad port", "other side closed") in a generic "fetch failed". */
function innermostMessage(err: Error): string | null {
  let inner = err;
  while (inner.cause instanceof Error) inner = inner.cause;
  const text = inner.message.trim();
  return text && text !== 'fetch failed' ? text.slice(0, 120) : null;
}
