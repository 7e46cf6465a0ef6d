import { describe, expect, it } from 'vitest';
import type { DownloadStateName } from '../domain';
import type { ExportStatus } from '../wire';
import { countAttention, isAwaitingDownload, isLinkExpiringSoon, LINK_EXPIRY_WARNING_MS } from './attention';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const job = (status: ExportStatus, state: DownloadStateName, expiresInMs: number | null = 30 * 60_000) => ({
  server: { status, downloadUrlExpiresAt: expiresInMs === null ? null : new Date(NOW + expiresInMs).toISOString() },
  download: { state } as never,
});

describe('attention', () => {
  it('counts complete exports nobody is downloading', () => {
    expect(isAwaitingDownload(job('COMPLETE', 'idle'))).toBe(true);
    expect(isAwaitingDownload(job('COMPLETE', 'interrupted'))).toBe(true);
    expect(isAwaitingDownload(job('COMPLETE', 'downloading'))).toBe(false);
    expect(isAwaitingDownload(job('COMPLETE', 'done'))).toBe(false);
    expect(isAwaitingDownload(job('PROCESSING', 'idle'))).toBe(false);
  });

  it('flags a link only inside the warning window and only while the file is still wanted', () => {
    expect(isLinkExpiringSoon(job('COMPLETE', 'idle', LINK_EXPIRY_WARNING_MS), NOW)).toBe(true);
    expect(isLinkExpiringSoon(job('COMPLETE', 'downloading', 60_000), NOW)).toBe(true);
    expect(isLinkExpiringSoon(job('COMPLETE', 'idle', LINK_EXPIRY_WARNING_MS + 1), NOW)).toBe(false);
    expect(isLinkExpiringSoon(job('COMPLETE', 'idle', -1), NOW)).toBe(false);
    expect(isLinkExpiringSoon(job('COMPLETE', 'done', 60_000), NOW)).toBe(false);
    expect(isLinkExpiringSoon(job('COMPLETE', 'idle', null), NOW)).toBe(false);
  });

  it('adds them up', () => {
    const jobs = [job('COMPLETE', 'idle', 60_000), job('COMPLETE', 'idle'), job('COMPLETE', 'done'), job('FAILED', 'idle')];
    expect(countAttention(jobs, NOW)).toEqual({ notDownloaded: 2, expiringSoon: 1 });
  });
});
