/** The HTTP front: request ids, recording, injected faults, then routing to the API, downloads or admin. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleAdmin } from './admin-http';
import type { Api } from './api';
import { ApiError, notFound, rateLimited, serverFault } from './errors';
import type { Faults } from './faults';
import { isApiError, sendError, type RequestContext } from './http';
import { newRequestId } from './ids';
import type { Recorder } from './recorder';
import type { EmulatorAdmin } from './types';

export interface ServerDeps {
  api: Api;
  download: (ctx: RequestContext, id: string, name: string) => Promise<void>;
  faults: Faults;
  recorder: Recorder;
  admin: EmulatorAdmin | null;
  /** Aborted on close(), so injected latency does not hold the process open. */
  closing: AbortSignal;
}

type Handler = (ctx: RequestContext, params: string[]) => void | Promise<void>;
interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
}

function routes(deps: ServerDeps): Route[] {
  const { api } = deps;
  const getExport: Handler = (ctx, [id]) => api.getExport(ctx, id as string);
  const getProcessor: Handler = (ctx) => api.getProcessor(ctx);
  const download: Handler = (ctx, [id, name]) => deps.download(ctx, id as string, name as string);
  return [
    { pattern: /^\/v1\/exports$/, methods: { POST: (ctx) => api.createExport(ctx) } },
    { pattern: /^\/v1\/exports\/processor$/, methods: { GET: getProcessor, HEAD: getProcessor, PATCH: (ctx) => api.updateProcessor(ctx) } },
    { pattern: /^\/v1\/exports\/([^/]+)$/, methods: { GET: getExport, HEAD: getExport } },
    { pattern: /^\/files\/([^/]+)\/([^/]+)$/, methods: { GET: download, HEAD: download } },
  ];
}

export function createEmulatorServer(deps: ServerDeps): Server {
  const table = routes(deps);

  async function dispatch(ctx: RequestContext): Promise<void> {
    const { pathname } = ctx.url;
    if (pathname.startsWith('/__admin/') && deps.admin) return handleAdmin(ctx, deps.admin);
    ctx.record = deps.recorder.start(ctx.req, pathname);
    const latency = deps.faults.latency();
    if (latency > 0 && !(await sleep(latency, true, { signal: deps.closing }).catch(() => false))) return;
    if (deps.faults.takeReset()) {
      ctx.req.socket.resetAndDestroy();
      return;
    }
    const fault = deps.faults.takeFailure();
    if (fault) throw serverFault(fault);
    if (pathname.startsWith('/v1/')) {
      const retryAfter = deps.faults.takeStorm();
      if (retryAfter !== null) throw rateLimited(retryAfter);
    }
    for (const route of table) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const handler = route.methods[ctx.req.method ?? ''];
      if (!handler) break;
      return handler(ctx, match.slice(1).map(decodeSegment));
    }
    throw notFound(`No route for ${ctx.req.method} ${pathname}.`);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const ctx: RequestContext = { req, res, url: requestUrl(req.url), requestId: newRequestId(), record: null };
    dispatch(ctx).catch((err: unknown) => {
      if (!isApiError(err)) console.error(`emulator: ${ctx.req.method} ${ctx.url.pathname} failed: ${(err as Error).message}`);
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      sendError(ctx, isApiError(err) ? err : serverFault(500));
    });
  });
  server.on('clientError', answerUnparsable);
  return server;
}

/** Requests Node cannot parse still get the envelope and an X-Request-Id. */
function answerUnparsable(_err: Error, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = newRequestId();
  const body = JSON.stringify({ error: { code: 'validation_error', message: 'The HTTP request could not be parsed.', requestId } });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(404, 'not_found', 'No such route.');
  }
}

/** Always relative to the server itself: a request line like `//host/x` must not change the host. */
function requestUrl(raw: string | undefined): URL {
  try {
    return new URL(`http://emulator${raw?.startsWith('/') ? raw : '/'}`);
  } catch {
    return new URL('http://emulator/');
  }
}
