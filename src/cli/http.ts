import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

/**
 * fetch for the CLI: HTTPS_PROXY / HTTP_PROXY / NO_PROXY through undici's EnvHttpProxyAgent.
 * NODE_EXTRA_CA_CERTS needs nothing here: Node's TLS reads it at start-up.
 */
export function createCliFetch(): { fetch: typeof globalThis.fetch; close: () => Promise<void> } {
  const dispatcher = new EnvHttpProxyAgent();
  const fetch = ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher })) as unknown as typeof globalThis.fetch;
  return { fetch, close: () => dispatcher.close() };
}
