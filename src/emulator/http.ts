import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorResponse } from '../shared/wire';
import { ApiError, validationError } from './errors';
import type { RecordedRequest } from './types';

/** Everything one request's handlers need to answer it. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  record: RecordedRequest | null;
}

export function writeHead(ctx: RequestContext, status: number, headers: Record<string, string | number>): void {
  if (ctx.record) ctx.record.status = status;
  ctx.res.writeHead(status, { ...headers, 'X-Request-Id': ctx.requestId });
}

export function sendJson(ctx: RequestContext, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  writeHead(ctx, status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : text);
}

export function sendError(ctx: RequestContext, err: ApiError): void {
  const { details, requiredScope, headers } = err.extra;
  const body: ErrorResponse = {
    error: {
      code: err.code,
      message: err.message,
      requestId: ctx.requestId,
      ...(requiredScope ? { requiredScope } : {}),
      ...(details ? { details } : {}),
    },
  };
  sendJson(ctx, err.status, body, headers);
}

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON object body; malformed or non-object JSON is a 400 like any other bad input. */
export async function readJsonObject(req: IncomingMessage, opts: { allowEmpty?: boolean } = {}): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw validationError([{ field: 'body', message: 'must be at most 1 MiB' }]);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '' && opts.allowEmpty) return {};
  if (text.trim() === '') throw validationError([{ field: 'body', message: 'a JSON object is required' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationError([{ field: 'body', message: 'is not valid JSON' }], 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError([{ field: 'body', message: 'must be a JSON object' }]);
  }
  return parsed as Record<string, unknown>;
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
