import { format } from 'date-fns';
import { TextField } from '../../components/TextField';
import { useNow } from '../../lib/useNow';
import { RANGE_PRESETS, toUtcIso, userTimeZone, type RangePreset } from './datePresets';
import { resolveRange, type ExportFormValues } from './exportForm';

interface DateRangeFieldProps {
  values: ExportFormValues;
  error: string | undefined;
  onChange(patch: Partial<ExportFormValues>): void;
}

const LOCAL = 'yyyy-MM-dd HH:mm';

const RANGE_ENDS = [
  { field: 'customFrom', id: 'range-from', label: 'From (your time)' },
  { field: 'customTo', id: 'range-to', label: 'To (your time)' },
] as const;

export function DateRangeField({ values, error, onChange }: DateRangeFieldProps) {
  const now = useNow(30_000);
  const range = resolveRange(values, new Date(now));
  const custom = values.preset === 'custom';

  return (
    <fieldset aria-describedby={error ? 'range-error' : 'range-preview'}>
      <legend>Date range</legend>
      <div className="row preset-row" role="radiogroup" aria-label="Preset">
        {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => (
          <label key={preset} className="chip">
            <input
              type="radio"
              name="range-preset"
              value={preset}
              checked={values.preset === preset}
              data-testid={`range-preset-${preset}`}
              onChange={() => onChange({ preset })}
            />
            {RANGE_PRESETS[preset]}
          </label>
        ))}
      </div>
      {custom && (
        <div className="row">
          {RANGE_ENDS.map(({ field, id, label }) => (
            <TextField
              key={id}
              id={id}
              label={label}
              type="datetime-local"
              data-testid={id}
              value={values[field]}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange({ [field]: e.target.value })}
            />
          ))}
        </div>
      )}
      <p id="range-preview" className="field-hint" data-testid="range-preview">
        {range
          ? `${format(range.from, LOCAL)} → ${format(range.to, LOCAL)} (${userTimeZone()}); sent as ${toUtcIso(range.from)} → ${toUtcIso(range.to)}`
          : `Times are in your time zone (${userTimeZone()}) and sent as UTC.`}
      </p>
      {error && (
        <p id="range-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
