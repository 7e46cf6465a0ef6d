import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ACTORS, fileChunks, fileNameFor, type DatasetSpec } from './audit-data';
import { startEmulator, type RunningEmulator } from './index';
import { completedExport, DAY, download, TEST_KEYS } from './test-helpers';

const text = (spec: DatasetSpec): string => Buffer.concat([...fileChunks(spec, { rowCount: 0 })]).toString('utf8');
const spec = (over: Partial<DatasetSpec> = {}): DatasetSpec => ({ ...DAY, rowsPerDay: 2000, ...over });

/** A tiny RFC 4180 reader for the checks below (fields may be quoted and contain commas). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
  for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
  return fields;
}

describe('generated rows', () => {
  it('are realistic csv rows inside [from, to), in time order', () => {
    const lines = text(spec()).trimEnd().split('\n');
    expect(lines[0]).toBe('timestamp,actor,action,target,ip,user_agent,outcome,request_id');
    const rows = lines.slice(1).map(parseCsvLine);
    expect(rows).toHaveLength(2000);
    const from = Date.parse(DAY.filters.from);
    const to = Date.parse(DAY.filters.to);
    let previous = from;
    for (const [timestamp, actor, action, target, ip, userAgent, outcome, requestId, ...rest] of rows) {
      const t = Date.parse(timestamp as string);
      expect(t).toBeGreaterThanOrEqual(previous);
      expect(t).toBeLessThan(to);
      previous = t;
      expect(ACTORS).toContain(actor);
      expect(ACTIONS).toContain(action);
      expect(target).toMatch(/^[a-z_]+:[a-z]+_[0-9a-z]{10}$/);
      expect(ip).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
      expect(userAgent).toMatch(/\//);
      expect(['success', 'failure', 'denied']).toContain(outcome);
      expect(requestId).toMatch(/^req_[0-9a-z]{16}$/);
      expect(rest).toEqual([]);
    }
  });

  it('are the same rows in csv, json and ndjson', () => {
    const csv = text(spec()).trimEnd().split('\n').slice(1).map(parseCsvLine);
    const json = JSON.parse(text(spec({ format: 'json' }))) as Record<string, string>[];
    const ndjson = text(spec({ format: 'ndjson' })).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(ndjson).toEqual(json);
    expect(json.map((r) => Object.values(r))).toEqual(csv);
    expect(Object.keys(json[0] ?? {})).toEqual(['timestamp', 'actor', 'action', 'target', 'ip', 'userAgent', 'outcome', 'requestId']);
  });

  it('are byte-identical for the same type, format and filters, and differ when a filter differs', () => {
    expect(text(spec())).toBe(text(spec()));
    expect(text(spec({ filters: { ...DAY.filters, region: 'eu' } }))).not.toBe(text(spec()));
  });

  it('honour actor and action filters as exact matches', () => {
    const actor = ACTORS[3] as string;
    const byActor = JSON.parse(text(spec({ format: 'json', rowsPerDay: 20_000, filters: { ...DAY.filters, actor } }))) as { actor: string; action: string }[];
    expect(byActor.length).toBeGreaterThan(10);
    expect(byActor.every((r) => r.actor === actor)).toBe(true);
    const both = JSON.parse(text(spec({ format: 'json', rowsPerDay: 20_000, filters: { ...DAY.filters, actor, action: 'user.login' } }))) as { actor: string; action: string }[];
    expect(both.every((r) => r.actor === actor && r.action === 'user.login')).toBe(true);
    expect(both.length).toBeLessThan(byActor.length);
    expect(text(spec({ format: 'json', filters: { ...DAY.filters, actor: 'nobody@else.example' } }))).toBe('[\n]\n');
    expect(text(spec({ filters: { ...DAY.filters, actor: 'nobody@else.example' } })).split('\n')).toHaveLength(2);
  });

  it('scale with the range', () => {
    const hour = text(spec({ filters: { from: '2026-03-01T00:00:00Z', to: '2026-03-01T01:00:00Z' }, rowsPerDay: 2400 }));
    expect(hour.trimEnd().split('\n')).toHaveLength(101);
  });

  it('name the file with only safe characters', () => {
    expect(fileNameFor('AUDIT_LOGS', 'ndjson', { from: '2026-03-01T01:30:00+01:00', to: '2026-03-02T00:00:00.250Z' })).toBe(
      'audit_logs_20260301T003000Z_20260302T000000Z.ndjson',
    );
  });
});

describe('re-running an export', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, keys: TEST_KEYS, rateLimit: 0, jobMinDurationMs: 0 });
  });
  afterAll(() => emu.close());

  it('gives the same sha256 and bytes (default volume: a few MB per day)', async () => {
    const first = await completedExport(emu);
    const second = await completedExport(emu);
    expect(second.id).not.toBe(first.id);
    expect(second.file?.sha256).toBe(first.file?.sha256);
    expect(first.file?.sizeBytes).toBeGreaterThan(2_000_000);
    expect(first.file?.sizeBytes).toBeLessThan(8_000_000);
    const body = (await download(second.downloadUrl as string)).body;
    expect(body.length).toBe(first.file?.sizeBytes);
  });
});
