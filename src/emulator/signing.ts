import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Signed download URLs: HMAC-SHA256 over the path and the expiry, so neither can be altered. */
export function createSigner(secret: Buffer = randomBytes(32)) {
  const mac = (path: string, expires: string): string =>
    createHmac('sha256', secret).update(`${path}\n${expires}`).digest('hex');

  return {
    filePath: (id: string, name: string): string => `/files/${encodeURIComponent(id)}/${encodeURIComponent(name)}`,

    url(baseUrl: string, path: string, expiresUnixSeconds: number): string {
      return `${baseUrl}${path}?expires=${expiresUnixSeconds}&signature=${mac(path, String(expiresUnixSeconds))}`;
    },

    /** The expiry (unix seconds) when the query's signature matches the path, else null. */
    verify(path: string, query: URLSearchParams): number | null {
      const expires = query.get('expires');
      const signature = query.get('signature');
      if (!expires || !/^\d{1,15}$/.test(expires) || !signature || !/^[0-9a-f]{64}$/.test(signature)) return null;
      const expected = Buffer.from(mac(path, expires), 'hex');
      return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? Number(expires) : null;
    },
  };
}
export type Signer = ReturnType<typeof createSigner>;
