/** The emulator's command-line flags, parsed strictly: a bad flag is a one-line error (exit 2). */
import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './types';

export const USAGE = `Usage: npm run emulator -- [options]
  --port N                       port to listen on (0 = any free port; default 4010)
  --host HOST                    interface to bind (default 127.0.0.1)
  --key TOKEN=SCOPE[,SCOPE...]   an API key and its scopes (repeatable; default: two demo keys)
  --url-ttl SECONDS              signed download URL lifetime (default 3600)
  --rows-per-day N               AUDIT_LOGS rows per day of range (default 15000)
  --rate-limit N                 requests per second per key, burst 2x (default 25; 0 = off)
  --data-dir DIR                 where finished files live (default: a temp dir removed on exit)
  --admin                        enable the loopback-only admin API at /__admin/*
  --help                         show this help`;

export class UsageError extends Error {}

export type CliOptions = EmulatorOptions & { help: boolean };

function integer(flag: string, raw: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`--${flag} must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, got "${raw}"`);
  }
  return value;
}

function parseKeys(raw: string[] | undefined): Record<string, string[]> | undefined {
  if (!raw || raw.length === 0) return undefined;
  const keys: Record<string, string[]> = {};
  for (const spec of raw) {
    const m = /^([A-Za-z0-9_.-]+)=([A-Za-z0-9_:.-]+(?:,[A-Za-z0-9_:.-]+)*)$/.exec(spec);
    if (!m) throw new UsageError(`--key must look like TOKEN=SCOPE[,SCOPE...] (e.g. pxe_a=exports:create), got "${spec.split('=')[0]}=..."`);
    keys[m[1] as string] = (m[2] as string).split(',');
  }
  return keys;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        key: { type: 'string', multiple: true },
        'url-ttl': { type: 'string' },
        'rows-per-day': { type: 'string' },
        'rate-limit': { type: 'string' },
        'data-dir': { type: 'string' },
        admin: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  if (values.host !== undefined && values.host.trim() === '') throw new UsageError('--host must not be empty');
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') throw new UsageError('--data-dir must not be empty');
  return {
    help: values.help ?? false,
    port: integer('port', values.port, 0, 65535) ?? 4010,
    host: values.host ?? '127.0.0.1',
    keys: parseKeys(values.key),
    urlTtlSeconds: integer('url-ttl', values['url-ttl'], 1),
    rowsPerDay: integer('rows-per-day', values['rows-per-day'], 0),
    rateLimit: integer('rate-limit', values['rate-limit'], 0),
    dataDir: values['data-dir'],
    admin: values.admin ?? false,
  };
}
