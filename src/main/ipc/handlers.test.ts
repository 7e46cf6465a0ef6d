import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../shared/domain';
import type { AddedProfile, CreateExportResult, KeyInfo, ProfilesSnapshot } from '../../shared/ipc';
import { shouldRunKeychainTests } from '../../core/secrets/keychain-test-support';
import { startTestRuntime, type TestRuntime } from '../test-support';

const keychain = await shouldRunKeychainTests('IPC handler tests');

const dayRange = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };

describe.runIf(keychain.run)('the IPC handlers against the real engine, keychain and emulator', () => {
  let t: TestRuntime;
  let demoId: string;

  beforeEach(async () => {
    t = await startTestRuntime();
    const list = await t.call<ProfilesSnapshot>('listProfiles');
    if (!list.ok) throw new Error(list.error.message);
    demoId = list.value.activeProfileId!;
  });
  afterEach(() => t.close());

  const create = (requestId = randomUUID(), filters: Record<string, string> = dayRange) =>
    t.call<CreateExportResult>('createExport', { requestId, input: { profileId: demoId, type: 'AUDIT_LOGS', format: 'csv', filters, label: 'Test' } });

  const waitForJob = async (id: string, done: (job: JobView) => boolean): Promise<JobView> => {
    for (;;) {
      const jobs = await t.call<JobView[]>('listJobs');
      const job = jobs.ok ? jobs.value.find((j) => j.id === id) : undefined;
      if (job && done(job)) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('starts in the Demo workspace with its key in the keychain', async () => {
    const profiles = await t.call<ProfilesSnapshot>('listProfiles');
    expect(profiles).toMatchObject({ ok: true, value: { profiles: [{ name: 'Demo', demo: true, baseUrl: t.emulator.baseUrl }] } });
    const key = await t.call<KeyInfo>('getKeyStatus', { profileId: demoId });
    expect(key).toEqual({ ok: true, value: { hasKey: true, hint: expect.stringMatching(/…/), storage: 'keychain' } });
    expect(JSON.stringify(key)).not.toContain(t.demoKey);
    expect(await t.call('getAppInfo')).toMatchObject({ ok: true, value: { demo: true } });
  });

  it('creates one export per request id, however often the same id is sent', async () => {
    const requestId = randomUUID();
    const [first, second] = await Promise.all([create(requestId), create(requestId)]);
    const third = await create(requestId);
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (!first.ok || !second.ok || !third.ok) return;
    expect(new Set([first.value.job.id, second.value.job.id, third.value.job.id]).size).toBe(1);
    expect([first.value.replayed, second.value.replayed, third.value.replayed].sort()).toEqual([false, true, true]);
    expect(t.emulator.admin.requests().filter((r) => r.method === 'POST' && r.path === '/v1/exports')).toHaveLength(1);
  });

  it('never lets the signed download link reach the renderer', async () => {
    const created = await create();
    if (!created.ok) throw new Error(created.error.message);
    const job = await waitForJob(created.value.job.id, (j) => j.download.state === 'done');
    expect(job.server).not.toHaveProperty('downloadUrl');
    const everything = JSON.stringify([await t.call('listJobs'), t.sent]);
    expect(everything).not.toMatch(/signature=/);
    expect(everything).not.toContain(t.demoKey);
  });

  it('opens and shows only files it downloaded, by job id, and only while they exist', async () => {
    const created = await create();
    if (!created.ok) throw new Error(created.error.message);
    expect(await t.call('openFile', { jobId: created.value.job.id })).toMatchObject({ ok: false, error: { code: 'not_downloaded' } });

    const job = await waitForJob(created.value.job.id, (j) => j.download.state === 'done');
    expect(await t.call('openFile', { jobId: job.id })).toEqual({ ok: true, value: null });
    expect(await t.call('showInFolder', { jobId: job.id })).toEqual({ ok: true, value: null });
    expect(t.desktop.opened).toEqual([job.download.finalPath]);
    expect(t.desktop.shownInFolder).toEqual([job.download.finalPath]);

    await rm(job.download.finalPath!);
    expect(await t.call('openFile', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'file_missing' } });
    expect(t.desktop.opened).toHaveLength(1);

    await writeFile(join(t.downloadsDir, 'unrelated.csv'), 'not ours');
    expect(await t.call('openFile', { jobId: 'exp_unknown' })).toMatchObject({ ok: false, error: { code: 'job_not_found' } });
    expect(await t.call('openFile', { path: join(t.downloadsDir, 'unrelated.csv') })).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });

  it('adds a profile only when its key works, and stores nothing when it does not', async () => {
    const refused = await t.call('addProfile', { name: 'Prod', baseUrl: t.emulator.baseUrl, apiKey: 'pxe_live_wrong_0000000' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'key_rejected' } });
    const readOnly = t.emulator.keys.find((k) => !k.scopes.includes('exports:create'))!.token;
    const scoped = await t.call('addProfile', { name: 'Prod', baseUrl: t.emulator.baseUrl, apiKey: readOnly });
    expect(scoped).toMatchObject({ ok: false, error: { code: 'insufficient_scope' } });
    expect((await t.call<ProfilesSnapshot>('listProfiles')).ok && t.runtime.profiles.list()).toHaveLength(1);

    const added = await t.call<AddedProfile>('addProfile', { name: 'Prod', baseUrl: t.emulator.baseUrl, apiKey: t.demoKey, activate: true });
    expect(added).toMatchObject({ ok: true, value: { added: { name: 'Prod', downloadDir: t.downloadsDir } } });
    if (!added.ok) return;
    expect(added.value.activeProfileId).toBe(added.value.added.id);
    expect(await t.call('getKeyStatus', { profileId: added.value.added.id })).toMatchObject({ ok: true, value: { hasKey: true } });
  });

  it('asks the desktop for a folder and keeps the choice; a cancelled picker changes nothing', async () => {
    expect(await t.call('chooseDownloadFolder', { profileId: demoId })).toEqual({ ok: true, value: null });
    t.desktop.nextFolder = join(t.dir, 'Chosen');
    const chosen = await t.call<ProfilesSnapshot>('chooseDownloadFolder', { profileId: demoId });
    expect(chosen.ok && chosen.value.profiles[0]!.downloadDir).toBe(join(t.dir, 'Chosen'));
  });

  it('applies launch at login through the desktop, and refuses a bad file name template', async () => {
    expect(await t.call('updateSettings', { launchAtLogin: true, startHidden: true })).toMatchObject({ ok: true, value: { launchAtLogin: true } });
    expect(t.desktop.loginItems).toEqual([{ openAtLogin: true, openAsHidden: true }]);
    expect(await t.call('updateSettings', { autoDownload: false })).toMatchObject({ ok: true });
    expect(t.desktop.loginItems).toHaveLength(1);
    expect(await t.call('updateSettings', { fileNameTemplate: '{nope}.csv' })).toMatchObject({ ok: false, error: { code: 'file_name_template_invalid' } });
  });

  it('reports the server’s processor errors with their codes', async () => {
    t.emulator.admin.setProcessor({ enabled: false });
    const refused = await create();
    expect(refused).toMatchObject({ ok: false, error: { code: 'processor_disabled' } });
    expect(await t.call('updateProcessor', { profileId: demoId, patch: { enabled: true } })).toMatchObject({ ok: true, value: { enabled: true } });
  });

  it('queues events until the renderer is ready, then sends the latest of each', async () => {
    const created = await create();
    if (!created.ok) throw new Error(created.error.message);
    await waitForJob(created.value.job.id, (j) => j.download.state === 'done');
    expect(t.sent).toEqual([]);
    expect(await t.call('ready')).toEqual({ ok: true, value: null });
    const jobEvents = t.sent.filter(([channel]) => channel === 'pxe:event:jobChanged');
    expect(jobEvents).toHaveLength(1);
    expect(jobEvents[0]![1]).toMatchObject({ id: created.value.job.id, download: { state: 'done' } });
    expect(t.sent.some(([channel, payload]) => channel === 'pxe:event:notice' && (payload as { level: string }).level === 'success')).toBe(true);
  });

  it('pauses and resumes, and answers the app status', async () => {
    expect(await t.call('setPaused', { paused: true })).toMatchObject({ ok: true, value: { paused: true } });
    expect(await t.call('getAppStatus')).toMatchObject({ ok: true, value: { paused: true, online: true } });
    expect(await t.call('setPaused', { paused: false })).toMatchObject({ ok: true, value: { paused: false } });
  });

  it('removing the Demo profile forgets its key and stops offering it', async () => {
    expect(await t.call('removeProfile', { profileId: demoId })).toEqual({ ok: true, value: { profiles: [], activeProfileId: null } });
    expect(await t.call('getAppInfo')).toMatchObject({ ok: true, value: { demo: false } });
    expect(t.runtime.settings.demoOffered()).toBe(true);
  });
});
