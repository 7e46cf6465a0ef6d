import type { JobRecord } from '../../shared/domain';

/** Where the registry keeps its records. `save` replaces everything at once, atomically. */
export interface JobStore {
  load(): JobRecord[];
  save(jobs: readonly JobRecord[]): void;
}

/** For tests and session-only hosts. Counts writes so tests can check how often the registry saves. */
export interface MemoryJobStore extends JobStore {
  readonly writes: number;
}

export function createMemoryJobStore(initial: readonly JobRecord[] = []): MemoryJobStore {
  let saved: JobRecord[] = structuredClone([...initial]);
  let writes = 0;
  return {
    load: () => structuredClone(saved),
    save: (jobs) => {
      // The registry hands over frozen records, so keeping references is as good as a copy.
      saved = [...jobs];
      writes++;
    },
    get writes() {
      return writes;
    },
  };
}
