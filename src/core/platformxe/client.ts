/** The PlatformXE Exports client, shaped like the platform's SDK: `client.exports.create/get/getProcessor/updateProcessor`. */
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type { paths } from '../../shared/wire/openapi.gen';
import type { CreateExportRequest, Export, Processor, UpdateProcessorRequest } from '../../shared/wire';
import { toError, type Failure } from './messages';
import { checkCreateParams, checkExportId, checkIdempotencyKey, checkProcessorPatch } from './inputs';
import { execute, type Call, type RetryEvent, type Runtime, type WithResponse } from './request';
import { resolveRetryPolicy, type RetryPolicy } from './retry';
import { exportSchema, processorSchema } from './schemas';

export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.platformxe.com`; paths start with `/v1` below it. */
  baseUrl: string;
  /** The key, or a function asked once per call (so a key changed in the keychain is picked up). */
  apiKey: string | (() => string | Promise<string>);
  /** Defaults to the global fetch; Electron passes `net.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Per attempt, body included. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  /** For backoff jitter; returns [0, 1). */
  random?: () => number;
  userAgent?: string;
  /** Told before each wait between attempts, e.g. to log it. The error is already redacted. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** For `create`: makes retries and repeated calls return the same export. Generated when absent. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

export interface PlatformXEClient {
  exports: {
    create(params: CreateExportRequest, opts?: RequestOptions): Promise<WithResponse<Export>>;
    get(id: string, opts?: RequestOptions): Promise<WithResponse<Export>>;
    getProcessor(opts?: RequestOptions): Promise<WithResponse<Processor>>;
    updateProcessor(patch: UpdateProcessorRequest, opts?: RequestOptions): Promise<WithResponse<Processor>>;
  };
}

const ROUTES = {
  exports: '/v1/exports',
  exportById: '/v1/exports/{id}',
  processor: '/v1/exports/processor',
} as const satisfies Record<string, keyof paths>;

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_USER_AGENT = 'PlatformXE-Export-Manager';

export function createPlatformXEClient(options: ClientOptions): PlatformXEClient {
  const rt = runtime(options);
  // Every call that may be retried is idempotent: reads, the PATCH of absolute values, and a
  // create that always carries an Idempotency-Key.
  const run = async <T extends object>(call: Call<T>, opts: RequestOptions = {}, ...checks: (Failure | null)[]) => {
    const problem = checks.find((c) => c !== null);
    if (problem) throw toError(problem, 0, { origin: new URL(rt.baseUrl).origin, timeoutMs: rt.timeoutMs });
    return execute(rt, call, opts);
  };
  return {
    exports: {
      create: (params, opts = {}) => {
        const idempotencyKey = opts.idempotencyKey ?? randomUUID();
        return run(
          { method: 'POST', path: ROUTES.exports, body: params, idempotencyKey, schema: exportSchema },
          opts,
          checkCreateParams(params),
          checkIdempotencyKey(idempotencyKey),
        );
      },
      get: (id, opts) =>
        run(
          { method: 'GET', path: ROUTES.exportById.replace('{id}', encodeURIComponent(String(id))), schema: exportSchema },
          opts,
          checkExportId(id),
        ),
      getProcessor: (opts) => run({ method: 'GET', path: ROUTES.processor, schema: processorSchema }, opts),
      updateProcessor: (patch, opts) =>
        run({ method: 'PATCH', path: ROUTES.processor, body: patch, schema: processorSchema }, opts, checkProcessorPatch(patch)),
    },
  };
}

function runtime(options: ClientOptions): Runtime {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError('timeoutMs must be a positive number');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return {
    baseUrl: normaliseBaseUrl(options.baseUrl),
    apiKey: options.apiKey,
    fetch: (input, init) => fetchImpl(input, init),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    policy: resolveRetryPolicy(options.retry),
    timeoutMs,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    onRetry: options.onRetry,
  };
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError('The base URL is not a valid URL; use a form like https://api.example.com');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('The base URL must start with http:// or https://');
  }
  if (url.username || url.password) throw new TypeError('The base URL must not contain a user name or password');
  if (url.search || url.hash) throw new TypeError('The base URL must not contain a query or a fragment');
  return url.href.replace(/\/+$/, '');
}
