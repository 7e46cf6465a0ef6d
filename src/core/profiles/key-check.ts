import { REQUIRED_SCOPE } from '../../shared/wire';
import { UserError } from '../errors';

/** What setKey needs from the API client: one authenticated call that needs the working scope. */
export interface KeyCheckClient {
  exports: { getProcessor(): Promise<unknown> };
}

/**
 * The fields this module reads from the client's PlatformXEError. Recognised by name rather than
 * imported, so profiles do not depend on the client's module.
 */
interface ApiErrorShape {
  name: 'PlatformXEError';
  status?: number | null;
  code?: string;
  requiredScope?: string | null;
}

const NETWORK_CODES = /^(E(CONN|HOST|NET|AI_|ADDR|PIPE|TIMEDOUT|NOTFOUND|PROTO)|UND_ERR|CERT_|UNABLE_TO|SELF_SIGNED|DEPTH_ZERO)|^(network|timeout|aborted|connection)/i;

/** Proves a key works against the profile's server before it is kept; throws a UserError otherwise. */
export async function checkKey(client: KeyCheckClient, baseUrl: string): Promise<void> {
  try {
    await client.exports.getProcessor();
  } catch (error) {
    throw keyCheckError(error, baseUrl);
  }
}

export function keyCheckError(error: unknown, baseUrl: string): UserError {
  const status = isApiError(error) && typeof error.status === 'number' && error.status >= 100 ? error.status : null;
  const code = isApiError(error) ? error.code : undefined;
  if (status === 401 || code === 'unauthenticated') {
    return new UserError('key_rejected', `The key was not accepted by ${baseUrl}; check it and try again.`);
  }
  if (status === 403 || code === 'insufficient_scope') {
    const scope = (isApiError(error) && error.requiredScope) || REQUIRED_SCOPE;
    return new UserError(
      'key_missing_scope',
      `The key is valid but lacks the \`${scope}\` scope; create a key with \`${scope}\` and try again.`,
    );
  }
  if (status === 429 || (status !== null && status >= 500)) {
    return new UserError('key_check_unavailable', `${baseUrl} could not check the key right now (HTTP ${status}); try again in a minute.`);
  }
  if (status === null && isNetworkError(error)) {
    return new UserError(
      'key_check_unreachable',
      `The server at ${baseUrl} could not be reached; check the address and your network or proxy, then try again.`,
    );
  }
  return new UserError(
    'key_check_failed',
    `The key could not be checked against ${baseUrl}${status ? ` (HTTP ${status})` : ''}; check the server address and try again.`,
  );
}

function isApiError(error: unknown): error is ApiErrorShape {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PlatformXEError';
}

/** fetch reports a refused connection as a TypeError whose cause carries the system error code. */
function isNetworkError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.test(code)) return true;
    if (name === 'AbortError' || name === 'TimeoutError') return true;
    if (name === 'TypeError' && message === 'fetch failed') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
