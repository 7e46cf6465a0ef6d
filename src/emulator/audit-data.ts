/**
 * Deterministic, realistic AUDIT_LOGS rows. The same type, filters and format always give the same
 * bytes, so a re-run export has the same sha256. Output comes as large byte chunks so writing
 * gigabytes stays fast and memory stays flat.
 */
import { createHash } from 'node:crypto';
import { ByteSink } from './byte-sink';
import { canonicalJson } from './canonical-json';
import type { ExportFilters, ExportFormat, ExportType } from '../shared/wire';

/** The row fields a filter key may name (exact match). Other filter keys only shape the seed. */
const FILTERABLE = ['actor', 'action', 'target', 'ip', 'userAgent', 'outcome'] as const;
type Filterable = (typeof FILTERABLE)[number];

const FIRST = ['alice', 'bruno', 'chen', 'dana', 'emeka', 'fatima', 'gustav', 'hana', 'ivan', 'julia', 'kofi', 'lena', 'mateo', 'nadia', 'omar', 'priya', 'quinn', 'rosa', 'sami', 'tomas'];
const LAST = ['nguyen', 'silva', 'wang', 'cohen', 'okafor', 'haddad', 'lind', 'sato', 'petrov', 'meyer'];
const SERVICES = ['svc:ci-deployer', 'svc:billing-sync', 'svc:scim-provisioner', 'svc:backup-agent'];

/** Every actor the generator can produce, e.g. `alice.nguyen@acme.example` or `svc:ci-deployer`. */
export const ACTORS: readonly string[] = [
  ...FIRST.flatMap((f) => LAST.map((l) => `${f}.${l}@acme.example`)),
  ...SERVICES,
];

const ACTIONS_BY_TARGET: Record<string, string[]> = {
  usr: ['user.login', 'user.logout', 'user.login_failed', 'user.mfa_enabled', 'user.password_changed'],
  key: ['api_key.created', 'api_key.revoked', 'api_key.used'],
  prj: ['project.created', 'project.updated', 'project.deleted'],
  role: ['role.assigned', 'role.revoked'],
  exp: ['export.created', 'export.downloaded'],
  org: ['settings.updated', 'sso.connection_updated', 'member.invited', 'member.removed'],
};
const TARGET_KIND: Record<string, string> = { usr: 'user', key: 'api_key', prj: 'project', role: 'role', exp: 'export', org: 'organization' };

/** Every action the generator can produce, e.g. `user.login`. */
export const ACTIONS: readonly string[] = Object.values(ACTIONS_BY_TARGET).flat();
/** Per action, the start of its target, e.g. `project:prj_`. */
const TARGET_PREFIX = Object.entries(ACTIONS_BY_TARGET).flatMap(([prefix, actions]) => actions.map(() => `${TARGET_KIND[prefix]}:${prefix}_`));

const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'platformxe-sdk-typescript/2.4.1 node/20.18.0',
  'platformxe-python/1.9.0 CPython/3.12.7',
  'platformxe-go/1.3.2 go1.23.3',
  'curl/8.10.1',
];
/** Mostly successes, some failures and denials, like a real audit trail. */
const OUTCOMES = [...Array<string>(46).fill('success'), 'failure', 'failure', 'denied', 'denied'];
const IP_PREFIXES = ['203.0.113.', '198.51.100.', '192.0.2.', '10.20.', '172.16.4.'];
const ALNUM = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz', 'latin1');
const DAY_MS = 86_400_000;
const TWO_POW_30 = 1 << 30;

/** sfc32 cut to 30 bits so every value stays a small integer for the JIT; seeded so output is reproducible. */
function sfc32(seed: Buffer): () => number {
  let a = seed.readUInt32LE(0), b = seed.readUInt32LE(4), c = seed.readUInt32LE(8), d = seed.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 2;
  };
}

export interface DatasetSpec {
  type: ExportType;
  format: ExportFormat;
  filters: ExportFilters;
  rowsPerDay: number;
  /** Bumped by the admin's replaceFile so the same export gets different bytes. */
  revision?: number;
}

/** Rows before filtering: the range's share of `rowsPerDay`. */
export function populationSize(spec: Pick<DatasetSpec, 'filters' | 'rowsPerDay'>): number {
  const span = Date.parse(spec.filters.to) - Date.parse(spec.filters.from);
  return Math.max(0, Math.round((span / DAY_MS) * spec.rowsPerDay));
}

/**
 * One row as numbers and small byte arrays, reused for every row. At gigabytes of output, strings
 * and objects per row are what cost the time (mostly in the garbage collector), so rows are
 * written as bytes straight into the output chunk; every value is ASCII.
 */
interface RowParts {
  time: number;
  actor: number;
  action: number;
  target: Uint8Array;
  ipPrefix: number;
  ip1: number;
  ip2: number;
  userAgent: number;
  outcome: number;
  requestId: Uint8Array;
}

function rowSource(spec: DatasetSpec) {
  const seed = createHash('sha256').update(canonicalJson({ type: spec.type, filters: spec.filters, revision: spec.revision ?? 0 })).digest();
  const next = sfc32(seed);
  for (let i = 0; i < 20; i++) next();
  const token = (out: Uint8Array): void => {
    for (let i = 0; i < out.length; i += 5) {
      let r = next();
      for (let j = i; j < out.length && j < i + 5; j++) {
        out[j] = ALNUM[r % 36] as number;
        r = Math.floor(r / 36);
      }
    }
  };
  const from = Date.parse(spec.filters.from);
  const span = Date.parse(spec.filters.to) - from;
  const n = populationSize(spec);
  const row: RowParts = { time: 0, actor: 0, action: 0, target: new Uint8Array(10), ipPrefix: 0, ip1: 1, ip2: 1, userAgent: 0, outcome: 0, requestId: new Uint8Array(16) };

  function fill(i: number): RowParts {
    row.time = from + Math.floor(((i + next() / TWO_POW_30) * span) / n);
    row.actor = next() % ACTORS.length;
    row.action = next() % ACTIONS.length;
    token(row.target);
    row.ipPrefix = next() % IP_PREFIXES.length;
    const r = next();
    row.ip1 = (r & 0xff) % 254 + 1;
    row.ip2 = ((r >>> 8) & 0xff) % 254 + 1;
    row.userAgent = next() % USER_AGENTS.length;
    row.outcome = next() % OUTCOMES.length;
    token(row.requestId);
    return row;
  }
  return { n, fill };
}

const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
const ipText = (r: RowParts): string =>
  (IP_PREFIXES[r.ipPrefix] as string).split('.').length === 4 ? `${IP_PREFIXES[r.ipPrefix]}${r.ip1}` : `${IP_PREFIXES[r.ipPrefix]}${r.ip1}.${r.ip2}`;

const valueOf: Record<Filterable, (r: RowParts) => string> = {
  actor: (r) => ACTORS[r.actor] as string,
  action: (r) => ACTIONS[r.action] as string,
  target: (r) => TARGET_PREFIX[r.action] + latin1(r.target),
  ip: ipText,
  userAgent: (r) => USER_AGENTS[r.userAgent] as string,
  outcome: (r) => OUTCOMES[r.outcome] as string,
};

/** The filters' exact-match conditions on row fields, or null when none applies. */
function rowFilter(filters: ExportFilters): ((r: RowParts) => boolean) | null {
  const wanted = FILTERABLE.flatMap((field) => {
    const value = filters[field];
    return typeof value === 'string' ? [[valueOf[field], value] as const] : [];
  });
  return wanted.length ? (r) => wanted.every(([get, value]) => get(r) === value) : null;
}

const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
const csvField = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const POOL = {
  actorCsv: ACTORS.map((v) => ascii(csvField(v))),
  uaCsv: USER_AGENTS.map((v) => ascii(csvField(v))),
  action: ACTIONS.map(ascii),
  outcome: OUTCOMES.map(ascii),
  actorJson: ACTORS.map((v) => ascii(JSON.stringify(v))),
  actionJson: ACTIONS.map((v) => ascii(JSON.stringify(v))),
  uaJson: USER_AGENTS.map((v) => ascii(JSON.stringify(v))),
  outcomeJson: OUTCOMES.map((v) => ascii(JSON.stringify(v))),
  targetPrefix: TARGET_PREFIX.map(ascii),
  ipPrefix: IP_PREFIXES.map(ascii),
  ipOctets: IP_PREFIXES.map((p) => 4 - (p.split('.').length - 1)),
};
const COMMA = 44, NEWLINE = 10, COLON = 58, DOT = 46;

function timestampWriter(): (out: ByteSink, t: number) => void {
  let day = NaN;
  let prefix = ascii('');
  return (out, t) => {
    const d = Math.floor(t / DAY_MS);
    if (d !== day) {
      day = d;
      prefix = ascii(new Date(d * DAY_MS).toISOString().slice(0, 11));
    }
    let rest = t - d * DAY_MS;
    const ms = rest % 1000;
    rest = (rest - ms) / 1000;
    const sec = rest % 60;
    rest = (rest - sec) / 60;
    const min = rest % 60;
    out.bytes(prefix);
    out.digits((rest - min) / 60, 2);
    out.byte(COLON);
    out.digits(min, 2);
    out.byte(COLON);
    out.digits(sec, 2);
    out.byte(DOT);
    out.digits(ms, 3);
    out.byte(90);
  };
}

function writeIp(out: ByteSink, r: RowParts): void {
  out.bytes(POOL.ipPrefix[r.ipPrefix] as Buffer);
  out.decimal(r.ip1);
  if (POOL.ipOctets[r.ipPrefix] === 2) {
    out.byte(DOT);
    out.decimal(r.ip2);
  }
}

const REQ = ascii('req_');
const J = {
  timestamp: ascii('{"timestamp":"'),
  actor: ascii('","actor":'),
  action: ascii(',"action":'),
  target: ascii(',"target":"'),
  ip: ascii('","ip":"'),
  userAgent: ascii('","userAgent":'),
  outcome: ascii(',"outcome":'),
  requestId: ascii(',"requestId":"req_'),
  end: ascii('"}'),
};

type RowWriter = (out: ByteSink, r: RowParts) => void;

function csvRow(stamp: (out: ByteSink, t: number) => void): RowWriter {
  return (out, r) => {
    stamp(out, r.time);
    out.byte(COMMA);
    out.bytes(POOL.actorCsv[r.actor] as Buffer);
    out.byte(COMMA);
    out.bytes(POOL.action[r.action] as Buffer);
    out.byte(COMMA);
    out.bytes(POOL.targetPrefix[r.action] as Buffer);
    out.bytes(r.target);
    out.byte(COMMA);
    writeIp(out, r);
    out.byte(COMMA);
    out.bytes(POOL.uaCsv[r.userAgent] as Buffer);
    out.byte(COMMA);
    out.bytes(POOL.outcome[r.outcome] as Buffer);
    out.byte(COMMA);
    out.bytes(REQ);
    out.bytes(r.requestId);
    out.byte(NEWLINE);
  };
}

function jsonRow(stamp: (out: ByteSink, t: number) => void): RowWriter {
  return (out, r) => {
    out.bytes(J.timestamp);
    stamp(out, r.time);
    out.bytes(J.actor);
    out.bytes(POOL.actorJson[r.actor] as Buffer);
    out.bytes(J.action);
    out.bytes(POOL.actionJson[r.action] as Buffer);
    out.bytes(J.target);
    out.bytes(POOL.targetPrefix[r.action] as Buffer);
    out.bytes(r.target);
    out.bytes(J.ip);
    writeIp(out, r);
    out.bytes(J.userAgent);
    out.bytes(POOL.uaJson[r.userAgent] as Buffer);
    out.bytes(J.outcome);
    out.bytes(POOL.outcomeJson[r.outcome] as Buffer);
    out.bytes(J.requestId);
    out.bytes(r.requestId);
    out.bytes(J.end);
  };
}

function layout(format: ExportFormat) {
  const stamp = timestampWriter();
  switch (format) {
    case 'csv':
      return { head: ascii('timestamp,actor,action,target,ip,user_agent,outcome,request_id\n'), row: csvRow(stamp), separator: ascii(''), tail: () => ascii('') };
    case 'json':
      return { head: ascii('[\n'), row: jsonRow(stamp), separator: ascii(',\n'), tail: (rows: number) => ascii(rows ? '\n]\n' : ']\n') };
    case 'ndjson': {
      const json = jsonRow(stamp);
      const row: RowWriter = (out, r) => {
        json(out, r);
        out.byte(NEWLINE);
      };
      return { head: ascii(''), row, separator: ascii(''), tail: () => ascii('') };
    }
  }
}

export interface ChunkStats {
  rowCount: number;
}

/**
 * The file's bytes in chunks of about `chunkBytes`, rows in time order; `stats.rowCount` is final
 * once the iterator ends and `onScanned` sees how many candidate rows were looked at.
 */
export function* fileChunks(
  spec: DatasetSpec,
  stats: ChunkStats,
  onScanned?: (scanned: number) => void,
  chunkBytes = 1 << 20,
): Generator<Buffer> {
  const { n, fill } = rowSource(spec);
  const keep = rowFilter(spec.filters);
  const l = layout(spec.format);
  const out = new ByteSink(chunkBytes);
  out.bytes(l.head);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    if (onScanned && i % 4096 === 0) onScanned(i);
    const row = fill(i);
    if (keep && !keep(row)) continue;
    if (rows > 0) out.bytes(l.separator);
    l.row(out, row);
    rows++;
    if (out.full) yield out.take();
  }
  onScanned?.(n);
  stats.rowCount = rows;
  out.bytes(l.tail(rows));
  if (out.pos > 0) yield out.take();
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
};

/** `audit_logs_20260301T000000Z_20260401T000000Z.csv`: only characters safe in any file system. */
export function fileNameFor(type: ExportType, format: ExportFormat, filters: ExportFilters): string {
  const stamp = (t: string) => new Date(Date.parse(t)).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `${type.toLowerCase()}_${stamp(filters.from)}_${stamp(filters.to)}.${format}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}
