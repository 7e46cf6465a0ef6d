export { JobRegistry, DEFAULT_PROGRESS_FLUSH_MS, type JobFilter, type JobRegistryOptions, type NewJob } from './registry';
export { createMemoryJobStore, type JobStore, type MemoryJobStore } from './job-store';
export { openConfJobStore, type ConfJobStore, type ConfJobStoreOptions, type ConfLike, type JobStoreFactoryOptions } from './conf-job-store';
export {
  JOB_STORE_NAME,
  JOB_STORE_SCHEMA_VERSION,
  jobStoreOptions,
  type JobRecordV1,
  type JobStoreData,
} from './store-options';
export { checkFileNameTemplate, FILE_NAME_PLACEHOLDERS, renderFileName } from './file-name';
export { compactTimestamp } from './time';
export { sameFilters } from './filters';
