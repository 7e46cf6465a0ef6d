/** The /v1 endpoints: create and read exports, read and update the processor. */
import { createHash } from 'node:crypto';
import type { Export } from '../shared/wire';
import { canonicalJson } from './canonical-json';
import type { Keyring } from './auth';
import { requireScope } from './auth';
import { ApiError, notFound, rateLimited } from './errors';
import { toWire, type ExportRecord, type ExportsStore } from './exports-store';
import { readJsonObject, sendJson, type RequestContext } from './http';
import { newExportId } from './ids';
import type { ExportProcessor } from './processor';
import type { RateLimiter } from './rate-limit';
import { checkIdempotencyKey, parseCreateExport, parseUpdateProcessor } from './validation';

export interface ApiDeps {
  keyring: Keyring;
  limiter: RateLimiter;
  store: ExportsStore;
  processor: ExportProcessor;
  now: () => number;
}

const EXPORT_ID = /^exp_[A-Za-z0-9]+$/;


export function createApi(deps: ApiDeps) {
  /** Authenticate, then count against the key's rate limit, then check the scope. */
  function authorize(ctx: RequestContext): string {
    const key = deps.keyring.authenticate(ctx.req);
    const wait = deps.limiter.take(key.token);
    if (wait !== null) throw rateLimited(wait);
    requireScope(key);
    return key.token;
  }

  const view = (r: ExportRecord): Export => toWire(r, deps.processor.progress(r), deps.now());

  return {
    async createExport(ctx: RequestContext): Promise<void> {
      const token = authorize(ctx);
      const idempotencyKey = checkIdempotencyKey(ctx.req.headers['idempotency-key']);
      const input = parseCreateExport(await readJsonObject(ctx.req));
      const fingerprint = createHash('sha256').update(canonicalJson(input)).digest('hex');
      if (idempotencyKey) {
        const prior = deps.store.replay(token, idempotencyKey, fingerprint);
        if (prior) return sendJson(ctx, 200, view(prior), { 'Idempotent-Replayed': 'true' });
      }
      if (!deps.processor.enabled) {
        throw new ApiError(409, 'processor_disabled', 'The export processor is disabled; enable it with PATCH /v1/exports/processor.');
      }
      const record: ExportRecord = {
        id: newExportId(),
        type: input.type,
        format: input.format,
        filters: input.filters,
        status: 'PROCESSING',
        createdAt: deps.now(),
        startedAt: null,
        scanned: 0,
        population: 0,
        completedAt: null,
        file: null,
        urlExpires: null,
        downloadUrl: null,
        expiresAt: null,
        error: null,
        doomed: null,
        corrupt: false,
        revision: 0,
        deleted: false,
      };
      deps.store.add(record);
      if (idempotencyKey) deps.store.remember(token, idempotencyKey, fingerprint, record.id);
      deps.processor.submit(record);
      sendJson(ctx, 202, view(record));
    },

    getExport(ctx: RequestContext, id: string): void {
      authorize(ctx);
      if (!EXPORT_ID.test(id)) throw notFound(`No export with id ${id}; export ids look like exp_...`);
      sendJson(ctx, 200, view(deps.store.getLive(id)));
    },

    getProcessor(ctx: RequestContext): void {
      authorize(ctx);
      sendJson(ctx, 200, deps.processor.view());
    },

    async updateProcessor(ctx: RequestContext): Promise<void> {
      authorize(ctx);
      const patch = parseUpdateProcessor(await readJsonObject(ctx.req));
      deps.processor.update({ enabled: patch.enabled, ...patch.config });
      sendJson(ctx, 200, deps.processor.view());
    },
  };
}
export type Api = ReturnType<typeof createApi>;
