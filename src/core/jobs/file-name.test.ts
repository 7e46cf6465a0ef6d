import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_NAME_TEMPLATE } from '../../shared/domain';
import { checkFileNameTemplate, renderFileName } from './file-name';
import { compactTimestamp } from './time';
import { makeExport } from './test-support';

const server = makeExport({
  id: 'exp_7Hq2abc',
  filters: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00.000+02:00' },
});

describe('renderFileName', () => {
  it('renders the default template with compact UTC times and the format as extension', () => {
    expect(renderFileName(DEFAULT_FILE_NAME_TEMPLATE, { label: null, server })).toBe(
      'AUDIT_LOGS_20260301T000000Z_20260331T220000Z_exp_7Hq2abc.csv',
    );
  });

  it('fills label and format', () => {
    expect(renderFileName('{label}_{type}_{format}_{id}.{ext}', { label: 'Matter 42', server: { ...server, format: 'ndjson' } })).toBe(
      'Matter 42_AUDIT_LOGS_ndjson_exp_7Hq2abc.ndjson',
    );
  });

  it('drops an empty label together with its separator', () => {
    expect(renderFileName('{label}_{id}.{ext}', { label: null, server })).toBe('exp_7Hq2abc.csv');
    expect(renderFileName('{id}-{label}.{ext}', { label: '', server })).toBe('exp_7Hq2abc.csv');
    expect(renderFileName('{label}', { label: null, server })).toBe('exp_7Hq2abc.csv');
  });

  it('adds the extension when the template leaves it out', () => {
    expect(renderFileName('{type}_{id}', { label: null, server: { ...server, format: 'json' } })).toBe('AUDIT_LOGS_exp_7Hq2abc.json');
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd_exp_7Hq2abc.csv'],
    ['..\\..\\Windows', 'Windows_exp_7Hq2abc.csv'],
    ['a\u202Egpj.exe', 'a-gpj.exe_exp_7Hq2abc.csv'],
    ['tab\there\nnew', 'tab-here-new_exp_7Hq2abc.csv'],
    ['C:/x', 'C-x_exp_7Hq2abc.csv'],
  ])('keeps the label %j from becoming a path', (label, expected) => {
    const name = renderFileName('{label}_{id}.{ext}', { label, server });
    expect(name).toBe(expected);
    expect([...name].some((c) => '/\\:\u202e'.includes(c) || c.charCodeAt(0) < 0x20)).toBe(false);
  });

  it('refuses an unknown placeholder with the list of valid ones', () => {
    expect(checkFileNameTemplate('{type}_{date}.{ext}')).toBe(
      'The file name template uses {date}, which is not a placeholder; use {type}, {format}, {from}, {to}, {id}, {ext}, {label}.',
    );
    expect(() => renderFileName('{date}', { label: null, server })).toThrow(expect.objectContaining({ code: 'file_name_template_invalid' }));
    expect(checkFileNameTemplate(DEFAULT_FILE_NAME_TEMPLATE)).toBeNull();
  });
});

describe('compactTimestamp', () => {
  it('gives a sortable, file-system-safe UTC time', () => {
    expect(compactTimestamp('2026-03-01T00:00:00Z')).toBe('20260301T000000Z');
    expect(compactTimestamp(new Date('2026-12-31T23:59:58.999Z'))).toBe('20261231T235958Z');
  });
});
