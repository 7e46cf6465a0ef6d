/** Where the user is (view, selected job, an open form) and the notices on screen. No api needed. */
import { createStore } from 'zustand/vanilla';
import type { Notice, View } from '../../shared/ipc';
import { DEFAULT_QUERY, type JobQuery } from './jobQuery';

export interface ShownNotice extends Notice {
  id: number;
}

/** Older notices drop off: the list is a glance, not a log. */
export const MAX_NOTICES = 4;

export interface UiState {
  view: View;
  selectedJobId: string | null;
  /** Settings opens straight into "add a profile" from the Demo banner. */
  addingProfile: boolean;
  notices: ShownNotice[];
  /** The jobs list's filters survive a visit to another view. */
  jobQuery: JobQuery;
  navigate(view: View, jobId?: string): void;
  selectJob(jobId: string | null): void;
  setAddingProfile(adding: boolean): void;
  pushNotice(notice: Notice): void;
  dismissNotice(id: number): void;
  setJobQuery(patch: Partial<JobQuery>): void;
}

export function createUiStore() {
  let nextId = 1;
  return createStore<UiState>()((set, get) => ({
    view: 'jobs',
    selectedJobId: null,
    addingProfile: false,
    notices: [],
    jobQuery: DEFAULT_QUERY,

    navigate: (view, jobId) => set(jobId ? { view, selectedJobId: jobId } : { view }),
    selectJob: (selectedJobId) => set({ selectedJobId }),
    setAddingProfile: (addingProfile) => set({ addingProfile }),
    pushNotice: (notice) => set({ notices: [...get().notices, { ...notice, id: nextId++ }].slice(-MAX_NOTICES) }),
    dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    setJobQuery: (patch) => set({ jobQuery: { ...get().jobQuery, ...patch } }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
