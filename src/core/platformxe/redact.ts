/**
 * Keeps the API key out of everything an error carries. Errors thrown by `fetch` implementations
 * (undici, Electron's net module) may quote the URL or the request headers, so nothing from them
 * is kept verbatim: only a redacted name, message and code survive.
 */

const REDACTED = '[redacted]';
const MAX_CAUSE_DEPTH = 4;

/** Replaces every secret, any bearer credential and any URL user-info in `text`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(/\b(Bearer|Basic)\s+[^\s"',;}]+/gi, `$1 ${REDACTED}`)
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, `$1${REDACTED}@`);
}

/**
 * A fresh Error holding only the redacted name/message/code of `err` and of its causes. The
 * original object is dropped, so sockets, headers or request options it referenced go with it.
 */
export function sanitizeCause(err: unknown, secrets: readonly string[], depth = 0): Error {
  if (!(err instanceof Error)) {
    return new Error(redact(typeof err === 'string' ? err : 'Unknown failure', secrets));
  }
  const nested =
    err.cause !== undefined && depth < MAX_CAUSE_DEPTH ? sanitizeCause(err.cause, secrets, depth + 1) : undefined;
  const clean = new Error(redact(err.message, secrets), nested ? { cause: nested } : undefined);
  clean.name = redact(err.name, secrets);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(clean, { code: redact(code, secrets) });
  return clean;
}

/** The first `code` found along the cause chain (e.g. ECONNRESET, UND_ERR_SOCKET). */
export function causeCode(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth <= MAX_CAUSE_DEPTH; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
  }
  return null;
}

/** The URL's origin without credentials, for messages. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured base URL';
  }
}
