import { describe, expect, it } from 'vitest';
import { makeJob } from '../testing/fixtures';
import { DEFAULT_QUERY, displayStatus, queryJobs } from './jobQuery';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const complete = { status: 'COMPLETE' as const, progress: 1 };

const jobs = [
  makeJob({ id: 'exp_a', label: 'March audit', server: { createdAt: '2026-03-01T10:00:00Z' } }),
  makeJob({
    id: 'exp_b',
    profileId: 'p2',
    server: { ...complete, createdAt: '2026-03-01T11:00:00Z', downloadUrlExpiresAt: '2026-03-01T12:05:00Z' },
  }),
  makeJob({ id: 'exp_c', label: 'billing', server: { ...complete, createdAt: '2026-02-28T09:00:00Z' }, download: { state: 'done' } }),
  makeJob({ id: 'exp_d', label: 'Access review', server: { status: 'FAILED', createdAt: '2026-02-27T09:00:00Z' } }),
];

const ids = (list: { id: string }[]) => list.map((j) => j.id);

describe('jobQuery', () => {
  it('names one status per job from the server and download states', () => {
    expect(jobs.map(displayStatus)).toEqual(['processing', 'ready', 'downloaded', 'failed']);
    expect(displayStatus(makeJob({ server: complete, download: { state: 'link_expired' } }))).toBe('link_expired');
  });

  it('sorts newest first by default', () => {
    expect(ids(queryJobs(jobs, DEFAULT_QUERY, NOW))).toEqual(['exp_b', 'exp_a', 'exp_c', 'exp_d']);
    expect(ids(queryJobs(jobs, { ...DEFAULT_QUERY, sort: 'created-asc' }, NOW))).toEqual(['exp_d', 'exp_c', 'exp_a', 'exp_b']);
  });

  it('sorts labels case-insensitively with unlabelled jobs last', () => {
    expect(ids(queryJobs(jobs, { ...DEFAULT_QUERY, sort: 'label-asc' }, NOW))).toEqual(['exp_d', 'exp_c', 'exp_a', 'exp_b']);
  });

  it('filters by status, attention and profile, and searches id or label', () => {
    expect(ids(queryJobs(jobs, { ...DEFAULT_QUERY, status: 'failed' }, NOW))).toEqual(['exp_d']);
    expect(ids(queryJobs(jobs, { ...DEFAULT_QUERY, status: 'attention' }, NOW))).toEqual(['exp_b']);
    expect(ids(queryJobs(jobs, { ...DEFAULT_QUERY, profileId: 'p2' }, NOW))).toEqual(['exp_b']);
    expect(ids(queryJobs(jobs, { ...DEFAULT_QUERY, search: ' MARCH ' }, NOW))).toEqual(['exp_a']);
    expect(ids(queryJobs(jobs, { ...DEFAULT_QUERY, search: 'exp_c' }, NOW))).toEqual(['exp_c']);
  });
});
