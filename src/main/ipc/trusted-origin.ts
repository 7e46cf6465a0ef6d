/**
 * Which page may call main: our renderer's index.html from disk, or, in development only, the
 * electron-vite dev server. Anything else (another file, a remote page a bug navigated to, a
 * subframe) is refused before its arguments are even read.
 */
import { pathToFileURL } from 'node:url';

export interface TrustedOrigin {
  /** The built renderer's index.html on disk. */
  rendererFile: string;
  /** Set only in development: the dev server's URL. */
  devServerUrl?: string | null;
}

export function isTrustedPageUrl(url: string, trusted: TrustedOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    return parsed.pathname === pathToFileURL(trusted.rendererFile).pathname;
  }
  if (!trusted.devServerUrl) return false;
  return parsed.origin === new URL(trusted.devServerUrl).origin;
}
