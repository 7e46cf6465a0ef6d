/** The New export form's values, checked and turned into the contract's input. Pure. */
import type { CreateExportInput } from '../../../shared/domain';
import { boundedCreateExportInputSchema } from '../../../shared/ipc';
import type { ExportFormat, ExportType } from '../../../shared/wire';
import { parseLocalInput, presetRange, toUtcIso, type DateRange, type RangePreset } from './datePresets';

export interface FilterRow {
  id: number;
  key: string;
  value: string;
}

export interface ExportFormValues {
  type: ExportType;
  format: ExportFormat;
  preset: RangePreset;
  customFrom: string;
  customTo: string;
  filters: FilterRow[];
  label: string;
}

export type FormField = 'profile' | 'range' | 'filters' | 'label';
export type FormErrors = Partial<Record<FormField, string>>;

export type BuildResult = { ok: true; input: CreateExportInput } | { ok: false; errors: FormErrors };

export const INITIAL_VALUES: ExportFormValues = {
  type: 'AUDIT_LOGS',
  format: 'csv',
  preset: 'last-24h',
  customFrom: '',
  customTo: '',
  filters: [],
  label: '',
};

export function resolveRange(values: ExportFormValues, now: Date): DateRange | null {
  if (values.preset !== 'custom') return presetRange(values.preset, now);
  const from = parseLocalInput(values.customFrom);
  const to = parseLocalInput(values.customTo);
  return from && to ? { from, to } : null;
}

function checkFilters(rows: FilterRow[]): { filters: Record<string, string> } | { error: string } {
  const filters: Record<string, string> = {};
  for (const row of rows) {
    const key = row.key.trim();
    const value = row.value.trim();
    if (!key && !value) continue;
    if (!key) return { error: 'Give every filter a name, or remove the empty row.' };
    if (key === 'from' || key === 'to') return { error: 'Set “from” and “to” with the date range, not as filters.' };
    if (key in filters) return { error: `The filter “${key}” appears twice: keep one.` };
    if (!value) return { error: `Give the filter “${key}” a value, or remove it.` };
    filters[key] = value;
  }
  return { filters };
}

const FIELD_OF_PATH: Record<string, FormField> = { profileId: 'profile', filters: 'filters', label: 'label' };

export function buildCreateInput(values: ExportFormValues, profileId: string | null, now: Date): BuildResult {
  if (!profileId) return { ok: false, errors: { profile: 'Choose a workspace first (Settings).' } };
  const range = resolveRange(values, now);
  if (!range) return { ok: false, errors: { range: 'Pick both a start and an end time.' } };
  if (range.from >= range.to) return { ok: false, errors: { range: 'The start must be before the end.' } };
  const checked = checkFilters(values.filters);
  if ('error' in checked) return { ok: false, errors: { filters: checked.error } };

  const label = values.label.trim();
  const candidate = {
    profileId,
    type: values.type,
    format: values.format,
    filters: { ...checked.filters, from: toUtcIso(range.from), to: toUtcIso(range.to) },
    ...(label ? { label } : {}),
  };
  // The same schema main parses with: what passes here passes there.
  const parsed = boundedCreateExportInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const [head, sub] = issue.path.map(String);
    const field = head === 'filters' && (sub === 'from' || sub === 'to') ? 'range' : FIELD_OF_PATH[head ?? ''] ?? 'filters';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
