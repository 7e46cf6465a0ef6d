import { describe, expect, it } from 'vitest';
import { createUiStore, MAX_NOTICES } from './ui';

describe('ui slice', () => {
  it('navigates, and selects the job a tray click named', () => {
    const store = createUiStore();
    store.getState().selectJob('exp_1');
    store.getState().navigate('settings');
    expect(store.getState()).toMatchObject({ view: 'settings', selectedJobId: 'exp_1' });
    store.getState().navigate('jobs', 'exp_9');
    expect(store.getState()).toMatchObject({ view: 'jobs', selectedJobId: 'exp_9' });
  });

  it('keeps only the latest notices and dismisses by id', () => {
    const store = createUiStore();
    for (let i = 0; i < MAX_NOTICES + 2; i += 1) store.getState().pushNotice({ level: 'info', message: `n${i}` });
    const { notices } = store.getState();
    expect(notices.map((n) => n.message)).toEqual(['n2', 'n3', 'n4', 'n5']);
    store.getState().dismissNotice(notices[0]!.id);
    expect(store.getState().notices).toHaveLength(MAX_NOTICES - 1);
  });

  it('keeps the jobs list query between visits', () => {
    const store = createUiStore();
    store.getState().setJobQuery({ status: 'failed' });
    store.getState().setJobQuery({ search: 'march' });
    expect(store.getState().jobQuery).toMatchObject({ status: 'failed', search: 'march', sort: 'created-desc' });
  });
});
