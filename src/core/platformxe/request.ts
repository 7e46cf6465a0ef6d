/** Runs one API call to completion: the key, the attempts, the waits between them, the response check. */
import type { z } from 'zod';
import { sleep, type Clock } from '../clock';
import { isTransient, type PlatformXEError } from './errors';
import { failure, toError, type Failure, type MessageContext } from './messages';
import { nextRetryDelayMs, type RetryPolicy } from './retry';
import { checkApiKey } from './inputs';
import { sendOnce, type AttemptRequest, type AttemptResult, type FetchLike } from './transport';

export interface ResponseMeta {
  requestId: string | null;
  status: number;
  attempts: number;
}

/** The resource plus how it was obtained, Stripe-style; `lastResponse` is not enumerable, so it never serialises. */
export type WithResponse<T> = T & { readonly lastResponse: ResponseMeta };

export interface RetryEvent {
  method: string;
  path: string;
  /** The attempt that just failed (1 for the first). */
  attempt: number;
  delayMs: number;
  error: PlatformXEError;
}

export interface Runtime {
  baseUrl: string;
  apiKey: string | (() => string | Promise<string>);
  fetch: FetchLike;
  clock: Clock;
  random: () => number;
  policy: RetryPolicy;
  timeoutMs: number;
  userAgent: string;
  onRetry?: (event: RetryEvent) => void;
}

export interface Call<T> {
  method: AttemptRequest['method'];
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  schema: z.ZodType<T>;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export async function execute<T extends object>(rt: Runtime, call: Call<T>, opts: CallOptions = {}): Promise<WithResponse<T>> {
  const timeoutMs = opts.timeoutMs ?? rt.timeoutMs;
  const ctx: MessageContext = { origin: new URL(rt.baseUrl).origin, timeoutMs };
  if (opts.signal?.aborted) throw toError(failure('aborted'), 0, ctx);
  const apiKey = typeof rt.apiKey === 'function' ? await rt.apiKey() : rt.apiKey;
  const keyProblem = checkApiKey(apiKey);
  if (keyProblem) throw toError(keyProblem, 0, ctx);

  const request: AttemptRequest = {
    method: call.method,
    url: rt.baseUrl + call.path,
    apiKey,
    userAgent: rt.userAgent,
    timeoutMs,
    body: call.body,
    idempotencyKey: call.idempotencyKey,
    signal: opts.signal,
  };
  const started = rt.clock.now();
  for (let attempts = 1; ; attempts++) {
    const out = outcome(await sendOnce(request, rt), call.schema);
    if ('data' in out) return withResponse(out.data, { ...out.meta, attempts });
    const { problem } = out;
    if (problem.code === 'aborted') throw toError(problem, attempts, ctx);

    const delayMs = nextRetryDelayMs(
      {
        attempts,
        elapsedMs: rt.clock.now() - started,
        retryable: isTransient(problem.code, problem.status),
        retryAfterMs: problem.retryAfterMs,
      },
      rt.policy,
      rt.random,
    );
    if (delayMs === null) throw toError(problem, attempts, ctx);
    rt.onRetry?.({ method: call.method, path: call.path, attempt: attempts, delayMs, error: toError(problem, attempts, ctx) });
    try {
      await sleep(rt.clock, delayMs, opts.signal);
    } catch {
      throw toError(failure('aborted'), attempts, ctx);
    }
  }
}

type Outcome<T> = { data: T; meta: Omit<ResponseMeta, 'attempts'> } | { problem: Failure };

/** A 2xx whose body breaks the contract is a failure too, and not one that retrying fixes. */
function outcome<T>(result: AttemptResult, schema: z.ZodType<T>): Outcome<T> {
  if (!result.ok) return { problem: result.failure };
  const parsed = schema.safeParse(result.body);
  if (parsed.success) return { data: parsed.data, meta: { requestId: result.requestId, status: result.status } };
  return {
    problem: failure('invalid_response', {
      status: result.status,
      requestId: result.requestId,
      hint: `the body does not match the contract (${summarise(parsed.error)})`,
    }),
  };
}

function withResponse<T extends object>(data: T, meta: ResponseMeta): WithResponse<T> {
  Object.defineProperty(data, 'lastResponse', { value: Object.freeze(meta), enumerable: false });
  return data as WithResponse<T>;
}

function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}
