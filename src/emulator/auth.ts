import type { IncomingMessage } from 'node:http';
import { REQUIRED_SCOPE } from '../shared/wire';
import { ApiError } from './errors';

export interface ApiKey {
  token: string;
  scopes: string[];
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export const DEMO_KEYS: Record<string, string[]> = {
  pxe_demo_full_access: ['exports:create', 'exports:read'],
  pxe_demo_read_only: ['exports:read'],
};

export function createKeyring(keys: Record<string, string[]>) {
  const byToken = new Map(Object.entries(keys).map(([token, scopes]) => [token, { token, scopes: [...scopes] }]));

  /** The caller's key; the token itself never appears in the error. */
  function authenticate(req: IncomingMessage): ApiKey {
    const header = req.headers.authorization;
    if (!header) throw unauthenticated('No API key was sent; pass it as "Authorization: Bearer <key>".');
    const token = BEARER.exec(header)?.[1];
    if (!token) throw unauthenticated('The Authorization header is malformed; use "Bearer <key>".');
    const key = byToken.get(token);
    if (!key) throw unauthenticated('The API key is not recognised; check the key or create a new one.');
    return key;
  }

  return { authenticate, list: (): ApiKey[] => [...byToken.values()] };
}
export type Keyring = ReturnType<typeof createKeyring>;

export function requireScope(key: ApiKey, scope: string = REQUIRED_SCOPE): void {
  if (!key.scopes.includes(scope)) {
    throw new ApiError(403, 'insufficient_scope', `This API key lacks the scope ${scope}; use a key that has it.`, {
      requiredScope: scope,
    });
  }
}

function unauthenticated(message: string): ApiError {
  return new ApiError(401, 'unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer' } });
}
