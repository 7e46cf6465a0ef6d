/** Records for unit tests of the renderer's state logic. */
import { emptyDownloadState, type DownloadState, type JobView, type Profile } from '../../shared/domain';
import type { ExportManagerApi, IpcResult } from '../../shared/ipc';

export const okResult = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const errResult = (code: string, message = `${code} happened.`): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});


export interface JobOverrides {
  id?: string;
  profileId?: string;
  label?: string | null;
  updatedAt?: string;
  server?: Partial<JobView['server']>;
  download?: Partial<DownloadState>;
  rerunOf?: string | null;
  rerunBy?: string | null;
}

export function makeJob(overrides: JobOverrides = {}): JobView {
  const id = overrides.id ?? 'exp_1';
  return {
    id,
    profileId: overrides.profileId ?? 'p1',
    label: overrides.label ?? null,
    requestIds: { create: 'req_create', completingGet: null },
    rerunOf: overrides.rerunOf ?? null,
    rerunBy: overrides.rerunBy ?? null,
    updatedAt: overrides.updatedAt ?? '2026-03-01T12:00:00.000Z',
    server: {
      id,
      type: 'AUDIT_LOGS',
      format: 'csv',
      filters: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
      status: 'PROCESSING',
      progress: 0,
      createdAt: '2026-03-01T11:00:00Z',
      completedAt: null,
      downloadUrlExpiresAt: null,
      file: null,
      error: null,
      expiresAt: null,
      ...overrides.server,
    },
    download: { ...emptyDownloadState(), ...overrides.download },
  };
}

export function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    name: 'Production',
    baseUrl: 'https://api.platformxe.example',
    downloadDir: '/home/ana/Downloads/PlatformXE',
    color: '#c0392b',
    ...overrides,
  };
}

/** A method of the api that answers `result` and records its arguments. */
export function answer<N extends keyof ExportManagerApi>(result: Awaited<ReturnType<ExportManagerApi[N]>>) {
  const calls: unknown[] = [];
  const method = (async (args?: unknown) => {
    calls.push(args);
    return result;
  }) as unknown as ExportManagerApi[N];
  return Object.assign(method, { calls });
}
