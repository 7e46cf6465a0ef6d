import { CommanderError } from 'commander';
import { DownloadError, ManifestError } from '../core/downloads';
import { isUserError } from '../core/errors';
import { isPlatformXEError } from '../core/platformxe';

export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  auth: 3,
  exportFailed: 4,
  downloadFailed: 5,
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    unexpected error, or PlatformXE / the network could not be reached
  2    usage or bad input (options, dates, bounds, unknown profile or export id)
  3    authentication: key rejected, missing scope, no key, keychain unavailable
  4    export failed, expired, or did not finish within --timeout
  5    download or integrity failure (also: verify found a mismatch)
  130  interrupted (Ctrl-C); a partial download is kept and resumes next time`;

/** An outcome the command reached on purpose: a one-line message and its exit code. */
export class CliExit extends Error {
  override name = 'CliExit';

  constructor(
    readonly exitCode: ExitCode,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const AUTH_CODES = /^(key_rejected|key_missing_scope|key_empty|key_missing|keychain_\w+)$/;
const EXPORT_CODES = new Set(['job_failed', 'wait_timeout', 'export_failed', 'export_expired', 'link_expired', 'job_rerun']);
const DOWNLOAD_CODES = new Set(['integrity_failed', 'download_failed', 'verify_mismatch']);
const SERVICE_CODES = /^(key_check_(unavailable|unreachable|failed)|engine_stopped|job_store_\w+|profiles_unreadable)$/;
const API_INPUT_CODES = new Set(['validation_error', 'not_found', 'idempotency_conflict']);

export interface Verdict {
  exitCode: ExitCode;
  code: string;
  message: string;
  /** Only for errors nobody planned for: shown with PXE_DEBUG=1. */
  stack?: string;
}

/** Every failure as one line and an exit code; the stack only for the unexpected ones. */
export function judge(error: unknown): Verdict {
  if (error instanceof CliExit) return { exitCode: error.exitCode, code: error.code, message: error.message };
  if (error instanceof CommanderError) {
    const exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    return { exitCode, code: error.code, message: error.message.replace(/^error: /, '') };
  }
  if (isPlatformXEError(error)) {
    if (error.code === 'unauthenticated' && error.status === null) {
      return { exitCode: EXIT.auth, code: 'key_missing', message: 'No API key is stored for this profile; run `pxe-exports auth set` or set PLATFORMXE_API_KEY.' };
    }
    const message = error.requestId && !error.message.includes(error.requestId) ? `${error.message} (request id ${error.requestId})` : error.message;
    return { exitCode: apiExitCode(error.code), code: error.code, message };
  }
  if (error instanceof DownloadError) {
    return { exitCode: error.code === 'cancelled' ? EXIT.interrupted : EXIT.downloadFailed, code: error.code, message: error.message };
  }
  if (error instanceof ManifestError) return { exitCode: EXIT.downloadFailed, code: error.code, message: error.message };
  if (isUserError(error)) return { exitCode: userExitCode(error.code), code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT.unexpected,
    code: 'unexpected',
    message: `unexpected error: ${message}; rerun with PXE_DEBUG=1 for details`,
    stack: error instanceof Error ? error.stack : undefined,
  };
}

function apiExitCode(code: string): ExitCode {
  if (code === 'unauthenticated' || code === 'insufficient_scope') return EXIT.auth;
  if (API_INPUT_CODES.has(code)) return EXIT.usage;
  if (code === 'export_expired' || code === 'processor_disabled') return EXIT.exportFailed;
  return EXIT.unexpected;
}

function userExitCode(code: string): ExitCode {
  if (AUTH_CODES.test(code)) return EXIT.auth;
  if (EXPORT_CODES.has(code)) return EXIT.exportFailed;
  if (DOWNLOAD_CODES.has(code)) return EXIT.downloadFailed;
  if (SERVICE_CODES.test(code)) return EXIT.unexpected;
  return EXIT.usage;
}
