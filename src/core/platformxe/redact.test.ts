import { describe, expect, it } from 'vitest';
import { causeCode, redact, sanitizeCause } from './redact';

const KEY = 'pxe_canary_9f8e7d6c5b4a';

describe('redact', () => {
  it('removes the key, bearer credentials and URL user-info', () => {
    const text = `GET https://user:pw@api.example.com/v1 Authorization: Bearer other_token; key=${KEY}`;
    const out = redact(text, [KEY]);
    expect(out).not.toContain(KEY);
    expect(out).not.toContain('other_token');
    expect(out).not.toContain('user:pw');
    expect(out).toContain('https://[redacted]@api.example.com/v1');
  });
});

describe('sanitizeCause', () => {
  it('keeps names, messages and codes of the chain, redacted, and drops everything else', () => {
    const socket = Object.assign(new Error(`socket closed, headers: {"authorization":"Bearer ${KEY}"}`), {
      code: 'UND_ERR_SOCKET',
      socket: { headers: { authorization: `Bearer ${KEY}` } },
    });
    const outer = new TypeError(`fetch failed for ${KEY}`, { cause: socket });
    const clean = sanitizeCause(outer, [KEY]);

    expect(clean.name).toBe('TypeError');
    expect(clean.message).toBe('fetch failed for [redacted]');
    expect(causeCode(clean)).toBe('UND_ERR_SOCKET');
    expect(clean.cause).toBeInstanceOf(Error);
    expect((clean.cause as Error & { socket?: unknown }).socket).toBeUndefined();
    expect(`${clean.stack} ${(clean.cause as Error).stack} ${(clean.cause as Error).message}`).not.toContain(KEY);
  });

  it('handles values that are not errors', () => {
    expect(sanitizeCause(`boom ${KEY}`, [KEY]).message).toBe('boom [redacted]');
    expect(sanitizeCause(42, [KEY]).message).toBe('Unknown failure');
  });
});
