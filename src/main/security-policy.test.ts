import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devServerCsp, isAllowedExternalLink, PRODUCTION_CSP } from './security-policy';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

describe('the security policy', () => {
  it('sends as a header the same policy the page declares, plus frame-ancestors (which a <meta> cannot set)', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directives(PRODUCTION_CSP);
    expect(header.get('frame-ancestors')).toBe("'none'");
    header.delete('frame-ancestors');
    expect(header).toEqual(directives(meta!));
  });

  it('relaxes scripts and styles only for the dev server, and its websocket only on its own host', () => {
    const dev = directives(devServerCsp('http://localhost:5173/'));
    expect(dev.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(dev.get('connect-src')).toBe("'self' ws://localhost:5173");
    expect(dev.get('default-src')).toBe("'none'");
    expect(directives(PRODUCTION_CSP).get('script-src')).toBe("'self'");
  });

  it.each([
    ['https://platformxe.com/pricing', true],
    ['https://docs.platformxe.com/exports', true],
    ['http://platformxe.com/', false],
    ['https://platformxe.com.evil.example/', false],
    ['https://user:pass@platformxe.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s may be opened in the browser: %s', (url, allowed) => {
    expect(isAllowedExternalLink(url)).toBe(allowed);
  });
});
