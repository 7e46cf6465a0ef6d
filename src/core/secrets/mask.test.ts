import { describe, expect, it } from 'vitest';
import { maskKey } from './mask';

describe('maskKey', () => {
  it.each([
    ['pxe_live_3fa9c2d4e5f6a1f3', 'pxe_…a1f3'],
    ['sk_0123456789abcdef', 'sk_…cdef'],
    ['0123456789abcdefXYZW', '…XYZW'],
    ['averyveryverylongprefix_0123456789', '…6789'],
  ])('shows only a short prefix and the last four of %s', (key, hint) => {
    expect(maskKey(key)).toBe(hint);
  });

  it.each(['', 'abc', 'pxe_1234567', '12345678901'])('fully masks the short key %j', (key) => {
    expect(maskKey(key)).toBe('••••');
  });
});
