import { describe, expect, it } from 'vitest';
import { checkApiKey, checkProfileFields, DEFAULT_COLOR } from './profileForm';

const fields = (name: string, baseUrl: string) => ({ name, baseUrl, color: DEFAULT_COLOR });

describe('checkProfileFields', () => {
  it('accepts https anywhere and plain http only on this computer', () => {
    expect(checkProfileFields(fields('Production', 'https://api.platformxe.com'))).toEqual({});
    expect(checkProfileFields(fields('Local', 'http://127.0.0.1:4010'))).toEqual({});
    expect(checkProfileFields(fields('Prod', 'http://api.platformxe.com')).baseUrl).toContain('https://');
    expect(checkProfileFields(fields('Prod', 'ftp://x')).baseUrl).toContain('https://');
    expect(checkProfileFields(fields('Prod', 'api.platformxe.com')).baseUrl).toContain('not a web address');
  });

  it('asks for a name and checks a key only when one is given', () => {
    expect(checkProfileFields(fields('  ', 'https://a.example')).name).toContain('name');
    expect(checkProfileFields(fields('P', 'https://a.example'), 'short').apiKey).toContain('too short');
    expect(checkProfileFields(fields('P', 'https://a.example'), 'pxe live key 123').apiKey).toContain('no spaces');
    expect(checkProfileFields(fields('P', 'https://a.example'), 'pxe_live_0123456789')).toEqual({});
  });

  it('asks for a key before saving one', () => {
    expect(checkApiKey('   ')).toContain('Paste');
    expect(checkApiKey('pxe_live_0123456789')).toBeUndefined();
  });
});
