import { describe, expect, it } from 'vitest';
import { buildCreateInput, INITIAL_VALUES, type ExportFormValues } from './exportForm';

const NOW = new Date(2026, 2, 15, 10, 42, 31);
const values = (patch: Partial<ExportFormValues>): ExportFormValues => ({ ...INITIAL_VALUES, ...patch });

describe('buildCreateInput', () => {
  it('turns a preset, filters and a label into the contract input in UTC', () => {
    const result = buildCreateInput(
      values({ format: 'ndjson', filters: [{ id: 1, key: 'actor', value: ' ana@example.com ' }, { id: 2, key: '', value: '' }], label: ' March ' }),
      'p1',
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        profileId: 'p1',
        type: 'AUDIT_LOGS',
        format: 'ndjson',
        filters: {
          actor: 'ana@example.com',
          from: new Date(2026, 2, 14, 10, 42).toISOString().replace('.000Z', 'Z'),
          to: new Date(2026, 2, 15, 10, 42).toISOString().replace('.000Z', 'Z'),
        },
        label: 'March',
      },
    });
  });

  it('asks for a workspace, both custom times and a forward range', () => {
    expect(buildCreateInput(INITIAL_VALUES, null, NOW)).toMatchObject({ ok: false, errors: { profile: expect.any(String) } });
    expect(buildCreateInput(values({ preset: 'custom', customFrom: '2026-03-01T00:00' }), 'p1', NOW)).toMatchObject({
      ok: false,
      errors: { range: 'Pick both a start and an end time.' },
    });
    expect(
      buildCreateInput(values({ preset: 'custom', customFrom: '2026-03-02T00:00', customTo: '2026-03-01T00:00' }), 'p1', NOW),
    ).toMatchObject({ ok: false, errors: { range: 'The start must be before the end.' } });
  });

  it('explains filter mistakes', () => {
    const withFilters = (...rows: Array<[string, string]>) =>
      buildCreateInput(values({ filters: rows.map(([key, value], id) => ({ id, key, value })) }), 'p1', NOW);
    expect(withFilters(['', 'x'])).toMatchObject({ errors: { filters: expect.stringContaining('name') } });
    expect(withFilters(['from', 'x'])).toMatchObject({ errors: { filters: expect.stringContaining('date range') } });
    expect(withFilters(['actor', 'a'], ['actor', 'b'])).toMatchObject({ errors: { filters: expect.stringContaining('twice') } });
    expect(withFilters(['actor', ''])).toMatchObject({ errors: { filters: expect.stringContaining('value') } });
    expect(withFilters(['not a name', 'x'])).toMatchObject({ errors: { filters: expect.stringContaining('letter') } });
  });

  it('reports the shared schema’s limits on the field they concern', () => {
    expect(buildCreateInput(values({ label: 'x'.repeat(121) }), 'p1', NOW)).toMatchObject({ ok: false, errors: { label: expect.any(String) } });
  });
});
