/**
 * Turns whatever a handler threw into the one-line `{code, message}` the renderer shows. Errors this
 * app raises on purpose (UserError, PlatformXEError, DownloadError) already carry a sentence for a
 * person; anything else is a bug, logged here and shown as a generic line. Never a stack, never a key,
 * never a signed link.
 */
import { z } from 'zod';
import { describeInvalidArguments, IPC_ERROR_CODES, type ChannelName, type IpcError } from '../../shared/ipc';
import { DownloadError } from '../../core/downloads';
import { isUserError } from '../../core/errors';
import { isPlatformXEError, type PlatformXEError } from '../../core/platformxe';

const MAX_MESSAGE = 500;
const URL_WITH_QUERY = /\bhttps?:\/\/[^\s?#]+\?\S*/gi;
const BEARER = /\bBearer\s+\S+/gi;

/** The codes the renderer knows an action for, from the names other modules use for the same thing. */
const SAME_AS: Readonly<Record<string, string>> = {
  key_missing_scope: 'insufficient_scope',
  key_empty: 'no_key',
};

export const GENERIC_FAILURE = 'Something went wrong. Try again; if it keeps happening, restart the app.';

export interface ToIpcErrorOptions {
  /** Where an unexpected error goes (main's log); defaults to console.error. */
  log?: (message: string, error: unknown) => void;
}

export function createToIpcError(options: ToIpcErrorOptions = {}) {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return (error: unknown, channel: ChannelName): IpcError => {
    const known = describeKnown(error);
    if (known) return { code: SAME_AS[known.code] ?? known.code, message: oneLine(known.message) };
    log(`IPC ${channel} failed unexpectedly:`, error);
    return { code: IPC_ERROR_CODES.internal, message: GENERIC_FAILURE };
  };
}

function describeKnown(error: unknown): IpcError | null {
  if (isPlatformXEError(error)) return { code: apiCode(error), message: error.message };
  if (error instanceof DownloadError) return { code: error.code, message: error.message };
  if (isUserError(error)) return { code: error.code, message: error.message };
  if (error instanceof z.ZodError) return { code: IPC_ERROR_CODES.invalidArguments, message: describeInvalidArguments(error) };
  return null;
}

/** A request refused before it was sent for want of a key is "no key", not "the server said no". */
function apiCode(error: PlatformXEError): string {
  if (error.code === 'unauthenticated' && error.attempts === 0 && error.status === null) return 'no_key';
  return error.code;
}

/** Messages are built to be safe; this is the last guard for links with signatures and auth headers. */
function oneLine(message: string): string {
  const line = message.split(/\r?\n/, 1)[0]!.replace(URL_WITH_QUERY, '<link>').replace(BEARER, 'Bearer <key>').trim();
  if (!line) return GENERIC_FAILURE;
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}
