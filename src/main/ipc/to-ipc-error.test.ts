import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../core/errors';
import { DownloadError } from '../../core/downloads';
import { PlatformXEError } from '../../core/platformxe';
import { createToIpcError, GENERIC_FAILURE } from './to-ipc-error';

const logged: unknown[] = [];
const toError = createToIpcError({ log: (_message, error) => logged.push(error) });

describe('toIpcError', () => {
  it('keeps the code and sentence of errors raised on purpose', () => {
    expect(toError(new UserError('profile_not_found', 'There is no such profile; pick one.'), 'listJobs')).toEqual({
      code: 'profile_not_found',
      message: 'There is no such profile; pick one.',
    });
    const api = new PlatformXEError({ code: 'processor_disabled', message: 'The processor is disabled; enable it.', status: 409, attempts: 1 });
    expect(toError(api, 'createExport')).toEqual({ code: 'processor_disabled', message: 'The processor is disabled; enable it.' });
    expect(toError(new DownloadError('disk_full', 'The disk is full; free disk space.'), 'retryDownload')).toMatchObject({ code: 'disk_full' });
  });

  it('uses the renderer’s words for the same problem', () => {
    expect(toError(new UserError('key_missing_scope', 'The key lacks exports:create.'), 'setKey').code).toBe('insufficient_scope');
    const noKey = new PlatformXEError({ code: 'unauthenticated', message: 'No usable API key is set.', attempts: 0 });
    expect(toError(noKey, 'createExport').code).toBe('no_key');
    const refused = new PlatformXEError({ code: 'unauthenticated', message: 'The key was refused.', status: 401, attempts: 1 });
    expect(toError(refused, 'createExport').code).toBe('unauthenticated');
  });

  it('describes a schema failure in one line', () => {
    const parsed = z.object({ n: z.int().max(3) }).safeParse({ n: 9 });
    expect(toError(parsed.error, 'updateProcessor')).toMatchObject({ code: 'invalid_arguments', message: expect.stringMatching(/^n: /) });
  });

  it('shows a generic line for anything unexpected and logs the details in main', () => {
    const bug = new TypeError('Cannot read properties of undefined (reading "x")');
    expect(toError(bug, 'listJobs')).toEqual({ code: 'internal_error', message: GENERIC_FAILURE });
    expect(toError('a string', 'listJobs').code).toBe('internal_error');
    expect(logged).toContain(bug);
  });

  it('keeps one line, and never a signed link or a bearer token', () => {
    const leaky = new UserError('download_failed', 'Fetching https://files.example/x.csv?expires=1&signature=abc failed with Bearer pxe_live_secret\n    at x.ts:1');
    const { message } = toError(leaky, 'retryDownload');
    expect(message).toBe('Fetching <link> failed with Bearer <key>');
    expect(toError(new UserError('x', 'a'.repeat(2000)), 'listJobs').message).toHaveLength(500);
  });
});
