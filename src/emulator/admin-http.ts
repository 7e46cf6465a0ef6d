/**
 * The admin API over HTTP for out-of-process tests: `POST /__admin/<method>` with the method's
 * named arguments as JSON, `GET /__admin/requests` and `GET /__admin/now`. Loopback sockets only.
 */
import { z } from 'zod';
import { ApiError, notFound, validationError } from './errors';
import { readJsonObject, sendJson, type RequestContext } from './http';
import type { EmulatorAdmin } from './types';

const n = z.number();
const jobError = z.object({ code: z.string(), message: z.string() }).optional();

/** Each admin method: how its named arguments look and how they map onto the call. */
const METHODS: Record<string, { args: z.ZodType; call: (admin: EmulatorAdmin, a: never) => unknown }> = {
  failNext: { args: z.object({ count: n, status: z.union([z.literal(500), z.literal(503)]) }), call: (a, x: { count: number; status: 500 | 503 }) => a.failNext(x.count, x.status) },
  rateLimitStorm: { args: z.object({ count: n, retryAfterSeconds: n }), call: (a, x: { count: number; retryAfterSeconds: number }) => a.rateLimitStorm(x.count, x.retryAfterSeconds) },
  resetNextConnections: { args: z.object({ count: n }), call: (a, x: { count: number }) => a.resetNextConnections(x.count) },
  setLatency: { args: z.object({ ms: n }), call: (a, x: { ms: number }) => a.setLatency(x.ms) },
  cutDownloadsAfter: { args: z.object({ bytes: n, count: n.optional() }), call: (a, x: { bytes: number; count?: number }) => a.cutDownloadsAfter(x.bytes, x.count) },
  stallDownloadsAfter: {
    args: z.object({ bytes: n, stallMs: n, count: n.optional() }),
    call: (a, x: { bytes: number; stallMs: number; count?: number }) => a.stallDownloadsAfter(x.bytes, x.stallMs, x.count),
  },
  failJob: { args: z.object({ id: z.string(), error: jobError }), call: (a, x: { id: string; error?: { code: string; message: string } }) => a.failJob(x.id, x.error) },
  failNextJobs: { args: z.object({ count: n, error: jobError }), call: (a, x: { count: number; error?: { code: string; message: string } }) => a.failNextJobs(x.count, x.error) },
  corruptFile: { args: z.object({ id: z.string() }), call: (a, x: { id: string }) => a.corruptFile(x.id) },
  replaceFile: { args: z.object({ id: z.string() }), call: (a, x: { id: string }) => a.replaceFile(x.id) },
  advanceClock: { args: z.object({ ms: n }), call: (a, x: { ms: number }) => a.advanceClock(x.ms) },
  now: { args: z.object({}), call: (a) => ({ now: a.now() }) },
  requests: { args: z.object({}), call: (a) => a.requests() },
  clearRequests: { args: z.object({}), call: (a) => a.clearRequests() },
  setProcessor: {
    args: z.object({ enabled: z.boolean().optional(), maxConcurrentJobs: n.optional(), retentionDays: n.optional() }),
    call: (a, x: { enabled?: boolean; maxConcurrentJobs?: number; retentionDays?: number }) => a.setProcessor(x),
  },
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export async function handleAdmin(ctx: RequestContext, admin: EmulatorAdmin): Promise<void> {
  if (!LOOPBACK.has(ctx.req.socket.remoteAddress ?? '')) throw notFound('No such route.');
  const name = ctx.url.pathname.slice('/__admin/'.length);
  const method = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
  if (!method) throw notFound(`No admin method ${name}; known: ${Object.keys(METHODS).join(', ')}.`);
  if (ctx.req.method === 'GET' && (name === 'requests' || name === 'now')) return sendJson(ctx, 200, method.call(admin, {} as never));
  if (ctx.req.method !== 'POST') throw notFound(`Use POST /__admin/${name}.`);

  const parsed = method.args.safeParse(await readJsonObject(ctx.req, { allowEmpty: true }));
  if (!parsed.success) {
    throw validationError(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })));
  }
  let result: unknown;
  try {
    result = method.call(admin, parsed.data as never);
  } catch (err) {
    throw new ApiError(400, 'validation_error', (err as Error).message);
  }
  sendJson(ctx, 200, result ?? { ok: true });
}
