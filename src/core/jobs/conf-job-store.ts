import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { JobRecord } from '../../shared/domain';
import { UserError } from '../errors';
import { compactTimestamp } from './time';
import type { JobStore } from './job-store';
import { JOB_STORE_NAME, JOB_STORE_SCHEMA_VERSION, jobStoreOptions, type JobStoreData } from './store-options';

/** What the store needs from conf or electron-store. */
export interface ConfLike {
  readonly path: string;
  get(key: 'jobs'): unknown;
  set(key: 'jobs', value: JobStoreData['jobs']): void;
}

export type JobStoreFactoryOptions = typeof jobStoreOptions & { cwd: string };

export interface ConfJobStoreOptions {
  /** The folder that holds jobs.json. */
  cwd: string;
  /** Defaults to conf; the app passes `(options) => new ElectronStore(options)`. */
  createStore?: (options: JobStoreFactoryOptions) => ConfLike;
  now?: () => Date;
}

export interface ConfJobStore extends JobStore {
  readonly path: string;
  /** Set when the file could not be read and was moved aside: show it to the user once. */
  readonly recovered: UserError | null;
}

function createConf({ name, ...options }: JobStoreFactoryOptions): ConfLike {
  return new Conf<JobStoreData>({ ...options, configName: name });
}

/**
 * Opens jobs.json. conf writes atomically (temporary file + rename), so a crash leaves either the
 * old or the new file. A file that is damaged anyway (disk fault, hand edit) is moved aside as
 * `jobs.json.corrupt-<time>` and a new list started, with a warning: conf's own
 * `clearInvalidConfig` would silently drop every record, and refusing to start would lock the user
 * out until they edit JSON by hand.
 */
export function openConfJobStore(options: ConfJobStoreOptions): ConfJobStore {
  const create = options.createStore ?? createConf;
  const now = options.now ?? (() => new Date());
  const file = join(options.cwd, `${JOB_STORE_NAME}.json`);
  const factoryOptions = { ...jobStoreOptions, cwd: options.cwd };

  let recovered: UserError | null = null;
  const damage = inspect(file);
  if (damage) recovered = moveAside(file, damage, now());

  let conf: ConfLike;
  try {
    conf = create(factoryOptions);
  } catch (error) {
    const reason = dataProblem(error);
    if (!reason || recovered) throw unreadable(file, error);
    recovered = moveAside(file, reason, now());
    conf = create(factoryOptions);
  }

  return {
    path: conf.path,
    recovered,
    load: () => Object.values((conf.get('jobs') ?? {}) as JobStoreData['jobs']),
    save: (jobs: readonly JobRecord[]) => {
      try {
        conf.set('jobs', Object.fromEntries(jobs.map((job) => [job.id, job])));
      } catch (error) {
        throw writeFailed(conf.path, error);
      }
    },
  };
}

/** Reads the file before conf does: conf cannot tell a damaged file from a newer schema. */
function inspect(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unreadable(file, error);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text.trim() === '' ? 'it is empty' : 'it is not valid JSON';
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it does not hold a job list';
  const version = (data as { __internal__?: { migrations?: { version?: unknown } } }).__internal__?.migrations?.version;
  if (typeof version === 'string' && compareVersions(version, JOB_STORE_SCHEMA_VERSION) > 0) {
    throw new UserError(
      'job_store_too_new',
      `The job list at ${file} was written by a newer version of PlatformXE Export Manager (format ${version}); update the app to use it.`,
    );
  }
  return null;
}

function dataProblem(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  if (error.name === 'SyntaxError') return 'it is not valid JSON';
  if (error.message.startsWith('Config schema violation')) return 'its records are not in the expected shape';
  if (error.message.startsWith('Something went wrong during the migration')) return 'it could not be upgraded';
  return null;
}

function moveAside(file: string, reason: string, at: Date): UserError {
  let target = `${file}.corrupt-${compactTimestamp(at)}`;
  for (let n = 1; existsSync(target); n++) target = `${file}.corrupt-${compactTimestamp(at)}-${n}`;
  try {
    renameSync(file, target);
  } catch (error) {
    throw unreadable(file, error);
  }
  return new UserError(
    'job_store_recovered',
    `The job list at ${file} could not be read (${reason}); it was kept as ${target} and a new, empty list was started. Exports on the server are not affected.`,
  );
}

function unreadable(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code ? ` (${code})` : '';
  return new UserError(
    'job_store_unreadable',
    `The job list at ${file} cannot be opened${why}; check that the folder exists and is readable and writable, then try again.`,
    { cause: error },
  );
}

function writeFailed(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new UserError(
    'job_store_write_failed',
    `The job list could not be saved to ${file}${code ? ` (${code})` : ''}; free some disk space or fix the folder's permissions.`,
    { cause: error },
  );
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}
