import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { DownloadError, ManifestError } from '../core/downloads';
import { UserError } from '../core/errors';
import { PlatformXEError } from '../core/platformxe';
import { SecretStoreUnavailableError } from '../core/secrets';
import { EXIT, judge } from './exit-codes';

const apiError = (code: PlatformXEError['code'], status: number | null, requestId: string | null = 'req_1') =>
  new PlatformXEError({ code, status, requestId, message: `PlatformXE said no (${code}).` });

describe('exit codes', () => {
  it.each([
    [apiError('validation_error', 400), EXIT.usage],
    [apiError('not_found', 404), EXIT.usage],
    [apiError('unauthenticated', 401), EXIT.auth],
    [apiError('insufficient_scope', 403), EXIT.auth],
    [apiError('export_expired', 410), EXIT.exportFailed],
    [apiError('processor_disabled', 409), EXIT.exportFailed],
    [apiError('unavailable', 503), EXIT.unexpected],
    [apiError('network_error', null, null), EXIT.unexpected],
    [new UserError('key_rejected', 'no'), EXIT.auth],
    [new SecretStoreUnavailableError('locked', 'The keychain is locked.'), EXIT.auth],
    [new UserError('wait_timeout', 'slow'), EXIT.exportFailed],
    [new UserError('invalid_export_request', 'bad'), EXIT.usage],
    [new DownloadError('disk_full', 'full'), EXIT.downloadFailed],
    [new DownloadError('cancelled', 'stopped'), EXIT.interrupted],
    [new ManifestError('manifest_missing', 'none'), EXIT.downloadFailed],
    [new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"), EXIT.usage],
    [new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), EXIT.ok],
  ])('%s → %i', (error, code) => {
    expect(judge(error).exitCode).toBe(code);
  });

  it('adds the request id to API errors once', () => {
    expect(judge(apiError('unavailable', 503)).message).toBe('PlatformXE said no (unavailable). (request id req_1)');
  });

  it('says "unexpected" for unplanned errors and keeps their stack for PXE_DEBUG', () => {
    const verdict = judge(new TypeError('boom'));
    expect(verdict).toMatchObject({ exitCode: EXIT.unexpected, message: 'unexpected error: boom; rerun with PXE_DEBUG=1 for details' });
    expect(verdict.stack).toContain('TypeError: boom');
  });
});
