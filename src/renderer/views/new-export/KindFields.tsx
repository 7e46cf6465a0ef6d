import { EXPORT_FORMATS, EXPORT_TYPES, type ExportFormat, type ExportType } from '../../../shared/wire';
import type { ExportFormValues } from './exportForm';

const FORMAT_HINTS: Record<ExportFormat, string> = {
  csv: 'CSV with a header row',
  json: 'JSON (one array)',
  ndjson: 'NDJSON (one record per line)',
};

export function KindFields({ values, onChange }: { values: ExportFormValues; onChange(patch: Partial<ExportFormValues>): void }) {
  return (
    <div className="row kind-fields">
      <div className="field">
        <label htmlFor="export-type">Type</label>
        <select
          id="export-type"
          className="select"
          data-testid="export-type"
          value={values.type}
          onChange={(e) => onChange({ type: e.target.value as ExportType })}
        >
          {EXPORT_TYPES.map((type) => (
            <option key={type} value={type}>
              {type === 'AUDIT_LOGS' ? 'Audit logs' : type}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="export-format">Format</label>
        <select
          id="export-format"
          className="select"
          data-testid="export-format"
          value={values.format}
          onChange={(e) => onChange({ format: e.target.value as ExportFormat })}
        >
          {EXPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_HINTS[format]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
