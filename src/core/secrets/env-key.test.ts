import { describe, expect, it } from 'vitest';
import { withEnvironmentKey } from './env-key';
import { createMemorySecretStore } from './secret-store';

describe('withEnvironmentKey', () => {
  it('answers reads with the environment key and never stores it', async () => {
    const inner = createMemorySecretStore();
    await inner.set('p1', 'pxe_stored_key_0000');
    const store = withEnvironmentKey(inner, ' pxe_from_env_key_1234\n');

    expect(await store.get('p1')).toBe('pxe_from_env_key_1234');
    expect(await store.get('other')).toBe('pxe_from_env_key_1234');
    expect(await inner.get('p1')).toBe('pxe_stored_key_0000');
    expect(await inner.get('other')).toBeNull();
  });

  it('passes explicit writes and deletes through to the real store', async () => {
    const inner = createMemorySecretStore();
    const store = withEnvironmentKey(inner, 'pxe_from_env_key_1234');

    await store.set('p1', 'pxe_typed_in_key_5678');
    expect(await inner.get('p1')).toBe('pxe_typed_in_key_5678');
    expect(await store.delete('p1')).toBe(true);
    expect(await inner.get('p1')).toBeNull();
  });

  it.each([undefined, '', '   '])('is the plain store when the variable is %j', (value) => {
    const inner = createMemorySecretStore();
    expect(withEnvironmentKey(inner, value)).toBe(inner);
  });
});
