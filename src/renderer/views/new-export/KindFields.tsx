import { EXPORT_FORMATS, EXPORT_TYPES, type ExportFormat } from '../../../shared/wire';
import { SelectField } from '../../components/SelectField';
import type { ExportFormValues } from './exportForm';

const FORMAT_HINTS: Record<ExportFormat, string> = {
  csv: 'CSV with a header row',
  json: 'JSON (one array)',
  ndjson: 'NDJSON (one record per line)',
};

const TYPE_OPTIONS = EXPORT_TYPES.map((type) => ({ value: type, label: type === 'AUDIT_LOGS' ? 'Audit logs' : type }));
const FORMAT_OPTIONS = EXPORT_FORMATS.map((format) => ({ value: format, label: FORMAT_HINTS[format] }));

export function KindFields({ values, onChange }: { values: ExportFormValues; onChange(patch: Partial<ExportFormValues>): void }) {
  return (
    <div className="row kind-fields">
      <SelectField label="Type" testId="export-type" value={values.type} options={TYPE_OPTIONS} onChange={(type) => onChange({ type })} />
      <SelectField label="Format" testId="export-format" value={values.format} options={FORMAT_OPTIONS} onChange={(format) => onChange({ format })} />
    </div>
  );
}
