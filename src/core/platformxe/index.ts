export { createPlatformXEClient } from './client';
export type { ClientOptions, PlatformXEClient, RequestOptions } from './client';
export { PlatformXEError, isPlatformXEError, RETRYABLE_STATUSES } from './errors';
export type { PlatformXEErrorCode } from './errors';
export type { ResponseMeta, RetryEvent, WithResponse } from './request';
export { DEFAULT_RETRY_POLICY, parseRetryAfter } from './retry';
export type { RetryPolicy } from './retry';
export { EXPORT_ID_PATTERN } from './schemas';
