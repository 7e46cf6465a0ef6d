import type { ErrorCode, ErrorDetail } from '../shared/wire';

/** An error the emulator answers with the contract's envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { details?: ErrorDetail[]; requiredScope?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const validationError = (details: ErrorDetail[], message = 'The request is invalid; see details.'): ApiError =>
  new ApiError(400, 'validation_error', message, { details });

export const notFound = (message: string): ApiError => new ApiError(404, 'not_found', message);

export const exportExpired = (id: string): ApiError =>
  new ApiError(410, 'export_expired', `Export ${id} passed its retention period and its file was deleted; create a new export.`);

export const rateLimited = (retryAfterSeconds: number): ApiError =>
  new ApiError(429, 'rate_limited', `Too many requests for this API key; retry after ${retryAfterSeconds} s.`, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });

export const serverFault = (status: 500 | 503): ApiError =>
  status === 503
    ? new ApiError(503, 'unavailable', 'The service is briefly unavailable; retry shortly.')
    : new ApiError(500, 'internal_error', 'An internal error occurred; retry the request.');
