import type { DownloadState, UserFacingError } from '../../shared/domain';
import { DownloadError } from '../downloads';
import { isUserError } from '../errors';
import type { EngineNotice } from './types';

export type DownloadEnd = 'done' | 'link_expired' | 'failed' | 'cancelled';

export interface FailureVerdict {
  end: DownloadEnd;
  patch: Partial<DownloadState>;
  notice: Omit<EngineNotice, 'jobId'> | null;
}

/** Signed URLs are bearer credentials: never let one into a stored or shown message. */
const URL_PATTERN = /\bhttps?:\/\/\S+/gi;

/**
 * What a failed download leaves in the registry and tells the user. Everything but integrity and
 * retention failures keeps the partial file as `interrupted`, so the next try resumes it.
 */
export function judgeFailure(error: unknown, label: string): FailureVerdict {
  if (error instanceof DownloadError) {
    const part = error.state ? { partPath: error.state.partPath, bytes: error.state.bytes, etag: error.state.etag } : {};
    const userError: UserFacingError = { code: error.code, message: error.message };
    switch (error.code) {
      case 'cancelled':
        return { end: 'cancelled', patch: { ...part, state: 'interrupted', error: userError }, notice: null };
      case 'link_expired':
        return { end: 'link_expired', patch: { ...part, state: 'link_expired', error: userError }, notice: null };
      case 'integrity_failed':
        return {
          end: 'failed',
          patch: { state: 'integrity_failed', partPath: null, bytes: 0, etag: null, error: userError },
          notice: { level: 'error', kind: 'integrity-failed', message: `${label}: ${error.message}` },
        };
      case 'export_expired':
        return {
          end: 'failed',
          patch: { state: 'idle', partPath: null, bytes: 0, etag: null, error: userError },
          notice: { level: 'error', kind: 'other', message: `${label}: ${error.message}` },
        };
      default:
        return interrupted(userError, part, label);
    }
  }
  if (isUserError(error)) return interrupted({ code: error.code, message: error.message }, {}, label);
  const reason = error instanceof Error ? error.message : String(error);
  const message = `The download stopped unexpectedly (${reason.replace(URL_PATTERN, '<link>')}); retry the download.`;
  return interrupted({ code: 'download_failed', message }, {}, label);
}

function interrupted(error: UserFacingError, part: Partial<DownloadState>, label: string): FailureVerdict {
  return {
    end: 'failed',
    patch: { ...part, state: 'interrupted', error },
    notice: { level: 'warning', kind: 'download-interrupted', message: `${label}: ${error.message}` },
  };
}
