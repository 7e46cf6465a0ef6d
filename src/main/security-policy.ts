/** What security.ts enforces, as plain data and checks, so they can be tested without Electron. */

/** Hosts whose https links may be opened in the user's browser. */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set(['platformxe.com', 'docs.platformxe.com', 'www.platformxe.com']);

export const PRODUCTION_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Vite's dev server injects inline scripts and styles and talks over a websocket. */
export function devServerCsp(devServerUrl: string): string {
  const { host } = new URL(devServerUrl);
  return `default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://${host}; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

export function isAllowedExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_LINK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}
