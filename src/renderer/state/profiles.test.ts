import { describe, expect, it } from 'vitest';
import type { KeyInfo, ProfilesSnapshot } from '../../shared/ipc';
import { answer, errResult, makeProfile, okResult } from '../testing/fixtures';
import { createProfilesStore, selectActiveProfile, type ProfilesApi } from './profiles';

const demo = makeProfile({ id: 'demo', name: 'Demo', demo: true, baseUrl: 'http://127.0.0.1:4010' });
const prod = makeProfile({ id: 'p1' });
const snapshot: ProfilesSnapshot = { profiles: [demo], activeProfileId: 'demo' };
const demoKey: KeyInfo = { hasKey: true, hint: 'pxe_…demo', storage: 'session' };

function fakeApi(overrides: Partial<ProfilesApi> = {}): ProfilesApi {
  return {
    listProfiles: answer<'listProfiles'>(okResult(snapshot)),
    addProfile: answer<'addProfile'>(errResult('not_set')),
    updateProfile: answer<'updateProfile'>(errResult('not_set')),
    removeProfile: answer<'removeProfile'>(errResult('not_set')),
    setActiveProfile: answer<'setActiveProfile'>(errResult('not_set')),
    chooseDownloadFolder: answer<'chooseDownloadFolder'>(okResult(null)),
    getKeyStatus: answer<'getKeyStatus'>(okResult(demoKey)),
    setKey: answer<'setKey'>(errResult('not_set')),
    clearKey: answer<'clearKey'>(errResult('not_set')),
    ...overrides,
  };
}

describe('profiles slice', () => {
  it('loads the profiles, the active one and each key status', async () => {
    const store = createProfilesStore(fakeApi());
    await store.getState().load();
    expect(selectActiveProfile(store.getState())).toEqual(demo);
    expect(store.getState().keys).toEqual({ demo: demoKey });
  });

  it('switches to the profile added with activate and learns its key status', async () => {
    const getKeyStatus = answer<'getKeyStatus'>(okResult({ hasKey: true, hint: 'pxe_…a1b2', storage: 'keychain' }));
    const store = createProfilesStore(
      fakeApi({
        addProfile: answer<'addProfile'>(okResult({ profiles: [demo, prod], activeProfileId: 'p1', added: prod })),
        getKeyStatus,
      }),
    );
    const result = await store.getState().add({ name: 'Production', baseUrl: prod.baseUrl, apiKey: 'pxe_live_secret', activate: true });
    expect(result.ok).toBe(true);
    expect(store.getState().activeProfileId).toBe('p1');
    expect(store.getState().keys.p1?.hint).toBe('pxe_…a1b2');
    expect(getKeyStatus.calls).toEqual([{ profileId: 'p1' }]);
  });

  it('keeps the state as it was when main refuses a change', async () => {
    const store = createProfilesStore(fakeApi({ removeProfile: answer<'removeProfile'>(errResult('not_found')) }));
    await store.getState().load();
    const result = await store.getState().remove('demo');
    expect(result.ok).toBe(false);
    expect(store.getState().profiles).toEqual([demo]);
  });

  it('forgets the key status of a removed profile, and a cancelled picker changes nothing', async () => {
    const store = createProfilesStore(
      fakeApi({ removeProfile: answer<'removeProfile'>(okResult({ profiles: [], activeProfileId: null })) }),
    );
    await store.getState().load();
    expect((await store.getState().chooseDownloadFolder('demo')).ok).toBe(true);
    expect(store.getState().profiles).toEqual([demo]);
    await store.getState().remove('demo');
    expect(store.getState().keys).toEqual({});
    expect(selectActiveProfile(store.getState())).toBeNull();
  });

  it('shows only the hint after a key is set or cleared', async () => {
    const cleared: KeyInfo = { hasKey: false, hint: null, storage: null };
    const store = createProfilesStore(fakeApi({ clearKey: answer<'clearKey'>(okResult(cleared)) }));
    await store.getState().load();
    await store.getState().clearKey('demo');
    expect(store.getState().keys.demo).toEqual(cleared);
  });
});
