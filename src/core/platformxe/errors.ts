import type { ErrorCode, ErrorDetail } from '../../shared/wire';

/** The contract's codes plus the failures that happen before or without a PlatformXE answer. */
export type PlatformXEErrorCode = ErrorCode | 'network_error' | 'timeout' | 'aborted' | 'invalid_response';

/** Statuses worth another attempt: the server (or a proxy in front of it) says "not now". */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** A failure that may go away by itself: a network fault, a timeout, or a "not now" status. */
export function isTransient(code: PlatformXEErrorCode, status: number | null): boolean {
  if (code === 'network_error' || code === 'timeout') return true;
  return status !== null && RETRYABLE_STATUSES.has(status);
}

export interface PlatformXEErrorInit {
  code: PlatformXEErrorCode;
  message: string;
  status?: number | null;
  requestId?: string | null;
  requiredScope?: string | null;
  retryAfterMs?: number | null;
  details?: ErrorDetail[];
  serverMessage?: string | null;
  attempts?: number;
  cause?: Error;
}

/**
 * Every failure of the PlatformXE client. The message is one readable sentence for the user; the
 * fields are for code. It never holds the API key: messages and causes are redacted when built.
 */
export class PlatformXEError extends Error {
  override readonly name = 'PlatformXEError';
  status: number | null;
  code: PlatformXEErrorCode;
  requestId: string | null;
  requiredScope: string | null;
  retryAfterMs: number | null;
  details: ErrorDetail[];
  /** The server's own message, when it sent one. */
  serverMessage: string | null;
  /** How many HTTP attempts were made before giving up (0 when the request was never sent). */
  attempts: number;

  constructor(init: PlatformXEErrorInit) {
    super(init.message, init.cause ? { cause: init.cause } : undefined);
    this.status = init.status ?? null;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.requiredScope = init.requiredScope ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.details = init.details ?? [];
    this.serverMessage = init.serverMessage ?? null;
    this.attempts = init.attempts ?? 0;
  }

  /** Whether the same request may succeed later: a transient network fault or a "not now" status. */
  get retryable(): boolean {
    return isTransient(this.code, this.status);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      status: this.status,
      requestId: this.requestId,
      requiredScope: this.requiredScope,
      retryAfterMs: this.retryAfterMs,
      details: this.details,
      serverMessage: this.serverMessage,
      attempts: this.attempts,
      retryable: this.retryable,
    };
  }
}

export function isPlatformXEError(err: unknown): err is PlatformXEError {
  return err instanceof PlatformXEError;
}
