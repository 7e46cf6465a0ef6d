import type { Options } from 'conf';
import { DOWNLOAD_STATES, emptyDownloadState, type DownloadState, type JobRecord } from '../../shared/domain';
import { EXPORT_FORMATS, EXPORT_TYPES } from '../../shared/wire';

/** The shape of jobs.json; the schema version is conf's `projectVersion`, kept under `__internal__`. */
export type JobStoreData = { jobs: Record<string, JobRecord> };

export const JOB_STORE_NAME = 'jobs';
/** Bump with a new entry in `migrations` whenever the stored shape changes. */
export const JOB_STORE_SCHEMA_VERSION = '2.0.0';

/**
 * The first stored shape (1.x): `jobs` was an array, the create request id sat on the record as
 * `requestId`, and there were no re-run links or the later download fields.
 */
export interface JobRecordV1 {
  id: string;
  profileId: string;
  label?: string | null;
  server: JobRecord['server'];
  requestId?: string | null;
  download?: Partial<DownloadState>;
  updatedAt: string;
}


function upgradeV1(record: JobRecordV1): JobRecord {
  return {
    id: record.id,
    profileId: record.profileId,
    label: record.label ?? null,
    server: record.server,
    requestIds: {
      create: record.requestId ?? null,
      completingGet: null,
    },
    download: { ...emptyDownloadState(), ...record.download },
    rerunOf: null,
    rerunBy: null,
    updatedAt: record.updatedAt,
  };
}

type Migrations = NonNullable<Options<JobStoreData>['migrations']>;

/** conf runs every migration newer than the file's version, including on a brand-new empty file. */
const migrations: Migrations = {
  '2.0.0': (store) => {
    const jobs: unknown = store.get('jobs');
    if (Array.isArray(jobs)) {
      store.set('jobs', Object.fromEntries((jobs as JobRecordV1[]).map((job) => [job.id, upgradeV1(job)])));
    }
  },
};

const nullable = (type: string) => ({ type: [type, 'null'] });

/** Enough to refuse a damaged file without rejecting fields a newer server adds to an export. */
const jobRecordJsonSchema = {
  type: 'object',
  required: ['id', 'profileId', 'label', 'server', 'requestIds', 'download', 'rerunOf', 'rerunBy', 'updatedAt'],
  properties: {
    id: { type: 'string', minLength: 1 },
    profileId: { type: 'string', minLength: 1 },
    label: nullable('string'),
    server: {
      type: 'object',
      required: ['id', 'type', 'format', 'filters', 'status', 'createdAt'],
      properties: {
        id: { type: 'string', minLength: 1 },
        type: { enum: [...EXPORT_TYPES] },
        format: { enum: [...EXPORT_FORMATS] },
        filters: { type: 'object', required: ['from', 'to'], additionalProperties: { type: 'string' } },
        status: { enum: ['PROCESSING', 'COMPLETE', 'FAILED'] },
        createdAt: { type: 'string' },
      },
    },
    requestIds: {
      type: 'object',
      required: ['create', 'completingGet'],
      properties: { create: nullable('string'), completingGet: nullable('string') },
    },
    download: {
      type: 'object',
      required: ['state', 'bytes', 'partPath', 'finalPath', 'attempts'],
      properties: {
        state: { enum: [...DOWNLOAD_STATES] },
        bytes: { type: 'integer', minimum: 0 },
        total: nullable('integer'),
        partPath: nullable('string'),
        etag: nullable('string'),
        finalPath: nullable('string'),
        manifestPath: nullable('string'),
        sha256: nullable('string'),
        downloadedAt: nullable('string'),
        attempts: { type: 'integer', minimum: 0 },
      },
    },
    rerunOf: nullable('string'),
    rerunBy: nullable('string'),
    updatedAt: { type: 'string' },
  },
} as const;

/**
 * The options for conf (CLI, tests) and electron-store (the app), which extends conf, so both read
 * and migrate jobs.json the same way. electron-store names the file with `name`; conf with
 * `configName`. `projectVersion` must be passed to electron-store too, or it would use the app's
 * version as the schema version.
 */
export const jobStoreOptions = {
  name: JOB_STORE_NAME,
  projectVersion: JOB_STORE_SCHEMA_VERSION,
  defaults: { jobs: {} } as JobStoreData,
  migrations,
  schema: {
    jobs: { type: 'object', additionalProperties: jobRecordJsonSchema },
  } satisfies Options<JobStoreData>['schema'],
  // Our own recovery moves a bad file aside; conf's would silently start over and lose it.
  clearInvalidConfig: false,
  // Job ids are keys of `jobs`; dots in them must not be read as paths.
  accessPropertiesByDotNotation: false,
};
