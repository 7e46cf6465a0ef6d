import type { ErrorDetail } from '../../shared/wire';
import { PlatformXEError, type PlatformXEErrorCode } from './errors';

/** What went wrong in one attempt, before it becomes the error the caller sees. */
export interface Failure {
  code: PlatformXEErrorCode;
  status: number | null;
  requestId: string | null;
  requiredScope: string | null;
  retryAfterMs: number | null;
  details: ErrorDetail[];
  serverMessage: string | null;
  /** A few words that make the message specific: a socket error code, what was wrong with a body. */
  hint: string | null;
  cause?: Error;
}

export interface MessageContext {
  origin: string;
  timeoutMs: number;
}

export function failure(code: PlatformXEErrorCode, fields: Partial<Omit<Failure, 'code'>> = {}): Failure {
  return {
    code,
    status: null,
    requestId: null,
    requiredScope: null,
    retryAfterMs: null,
    details: [],
    serverMessage: null,
    hint: null,
    ...fields,
  };
}

export function toError(f: Failure, attempts: number, ctx: MessageContext): PlatformXEError {
  return new PlatformXEError({ ...f, attempts, message: describe(f, attempts, ctx), cause: f.cause });
}

function describe(f: Failure, attempts: number, ctx: MessageContext): string {
  const tag = attempts > 1 ? `${f.code}, after ${attempts} attempts` : f.code;
  const said = f.serverMessage ? ` PlatformXE said: "${f.serverMessage}"` : '';
  const fields = f.details.map((d) => `${d.field}: ${d.message}`).join('; ');
  switch (f.code) {
    case 'validation_error':
      return f.status === null
        ? `The request was not sent because it is invalid (validation_error): ${fields || f.hint}. Correct the values and try again.`
        : `PlatformXE rejected the request as invalid (validation_error)${fields ? `: ${fields}` : ''}. Correct the values and try again.${said}`;
    case 'unauthenticated':
      return f.status === null
        ? `No usable API key is set (unauthenticated): ${f.hint}. Add the key in your profile settings.`
        : `The API key was not accepted (unauthenticated). Check the key in your profile settings.${said}`;
    case 'insufficient_scope':
      return `The API key lacks the scope this action needs (insufficient_scope: requires ${f.requiredScope ?? 'a missing scope'}). Use a key that has it.${said}`;
    case 'not_found':
      return `PlatformXE has no export with this id (not_found). Check that the profile points at the workspace that created it.${said}`;
    case 'processor_disabled':
      return `The export processor is disabled, so no export can start (processor_disabled). Enable it in the processor settings and try again.${said}`;
    case 'idempotency_conflict':
      return `This Idempotency-Key was already used for a different export request (idempotency_conflict). Use a new key for a new request.${said}`;
    case 'export_expired':
      return `The export's file passed its retention period and was deleted (export_expired). Create a new export to get the data again.${said}`;
    case 'rate_limited':
      return `PlatformXE is rate-limiting this API key (${tag}). Wait ${waitText(f.retryAfterMs)} and try again.${said}`;
    case 'internal_error':
      return `PlatformXE had an internal error (${tag}). Try again in a few minutes.${said}`;
    case 'unavailable':
      return `PlatformXE is temporarily unavailable (${tag}). Try again in a few minutes.${said}`;
    case 'url_expired':
      return `The download link has expired (url_expired). Create a new export to get a fresh link.${said}`;
    case 'signature_invalid':
      return `The download link's signature is not valid (signature_invalid). Use the link exactly as PlatformXE issued it.${said}`;
    case 'range_not_satisfiable':
      return `The download could not resume from the saved position (range_not_satisfiable). Restart the download from the beginning.${said}`;
    case 'network_error':
      return `Could not reach PlatformXE at ${ctx.origin} (network_error${f.hint ? `: ${f.hint}` : ''}${attempts > 1 ? `, after ${attempts} attempts` : ''}). Check the network connection and the profile's base URL.`;
    case 'timeout':
      if (f.status !== null) {
        return `PlatformXE gave up waiting for the request (${tag}, HTTP ${f.status}). Try again in a moment.${said}`;
      }
      return `PlatformXE at ${ctx.origin} did not answer within ${waitText(ctx.timeoutMs)} (${tag}). Check the network connection or try again later.`;
    case 'aborted':
      return 'The request to PlatformXE was cancelled (aborted).';
    case 'invalid_response':
      return `PlatformXE at ${ctx.origin} sent a response this app cannot read (invalid_response: ${f.hint ?? 'unexpected content'}). Check that the profile's base URL points at the PlatformXE API.${said}`;
  }
}

function waitText(ms: number | null): string {
  if (ms === null) return 'a minute';
  if (ms <= 0) return 'a moment';
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
