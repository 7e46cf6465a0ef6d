import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { JobView } from '../../../shared/domain';
import { useNow } from '../../lib/useNow';
import { useJobs, useProfiles, useUi } from '../../state/StoresContext';
import { JobRow } from './JobRow';

const ROW_HEIGHT = 60;
const PAGE = 10;

const KEY_STEPS: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(last, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  PageDown: (i, last) => Math.min(last, i + PAGE),
  PageUp: (i) => Math.max(0, i - PAGE),
  Home: () => 0,
  End: (_i, last) => last,
};

/** Only the rows in view (plus a few) are in the DOM, so 10,000 jobs scroll like 10. */
export function JobList({ jobs, selectedJobId }: { jobs: JobView[]; selectedJobId: string | null }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusIndex = useRef<number | null>(null);
  const progress = useJobs((s) => s.progress);
  const profiles = useProfiles((s) => s.profiles);
  const selectJob = useUi((s) => s.selectJob);
  const now = useNow(30_000);
  const profilesById = useMemo(() => new Map(profiles.map((p) => [p.id, p])), [profiles]);

  // The app does not use the React Compiler, and rows get plain values, never the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => jobs[index]?.id ?? index,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();

  // Arrow keys may move to a row that is not rendered yet: focus it once it is.
  useEffect(() => {
    if (focusIndex.current === null) return;
    const row = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${focusIndex.current}"] button`);
    if (row) {
      row.focus();
      focusIndex.current = null;
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = KEY_STEPS[event.key];
    const from = (event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index');
    if (!step || from == null || jobs.length === 0) return;
    event.preventDefault();
    const index = step(Number(from), jobs.length - 1);
    selectJob(jobs[index]!.id);
    focusIndex.current = index;
    virtualizer.scrollToIndex(index);
  };

  return (
    <div className="job-list-frame">
      <div className="job-list-head" aria-hidden="true">
        <span>Status</span>
        <span>Export</span>
        <span>Format</span>
        <span>Workspace</span>
        <span>Created</span>
        <span>Progress</span>
      </div>
      <div ref={scrollRef} className="job-list" data-testid="job-list">
        <ul aria-label="Exports" className="job-list-body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const job = jobs[item.index]!;
            return (
              <li
                key={item.key}
                data-index={item.index}
                aria-setsize={jobs.length}
                aria-posinset={item.index + 1}
                className="job-list-item"
                style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              >
                <JobRow
                  job={job}
                  profile={profilesById.get(job.profileId) ?? null}
                  progress={progress[job.id]}
                  selected={job.id === selectedJobId}
                  now={now}
                  onSelect={selectJob}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
