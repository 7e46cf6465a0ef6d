import type { FilterRow } from './exportForm';
import { MAX_EXTRA_FILTERS } from '../../../shared/ipc';

interface FilterRowsProps {
  rows: FilterRow[];
  error: string | undefined;
  onChange(rows: FilterRow[]): void;
}

interface FilterInputProps {
  row: FilterRow;
  index: number;
  field: 'key' | 'value';
  /** Also the last word of the hidden label. */
  placeholder: string;
  maxLength: number;
  wide?: boolean;
  onChange(id: number, patch: Partial<FilterRow>): void;
}

/** The row reads as "name = value" on screen; the hidden label names each box for screen readers. */
function FilterInput({ row, index, field, placeholder, maxLength, wide = false, onChange }: FilterInputProps) {
  const id = `filter-${field}-${row.id}`;
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Filter {index + 1} {placeholder}
      </label>
      <input
        id={id}
        className={wide ? 'input grow' : 'input'}
        placeholder={placeholder}
        maxLength={maxLength}
        data-testid={`filter-${field}`}
        value={row[field]}
        onChange={(e) => onChange(row.id, { [field]: e.target.value })}
      />
    </>
  );
}

export function FilterRows({ rows, error, onChange }: FilterRowsProps) {
  const update = (id: number, patch: Partial<FilterRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const nextId = rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;

  return (
    <fieldset aria-describedby={error ? 'filters-error' : 'filters-hint'}>
      <legend>Extra filters (optional)</legend>
      <p id="filters-hint" className="field-hint">
        Narrow the export, for example actor = ana@example.com or action = user.login.
      </p>
      <ul className="filter-rows">
        {rows.map((row, index) => (
          <li key={row.id} className="row" data-testid="filter-row">
            <FilterInput row={row} index={index} field="key" placeholder="name" maxLength={64} onChange={update} />
            <span aria-hidden="true">=</span>
            <FilterInput row={row} index={index} field="value" placeholder="value" maxLength={200} wide onChange={update} />
            <button
              type="button"
              className="button"
              data-testid="filter-remove"
              aria-label={`Remove filter ${index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        data-testid="add-filter"
        disabled={rows.length >= MAX_EXTRA_FILTERS}
        onClick={() => onChange([...rows, { id: nextId, key: '', value: '' }])}
      >
        Add filter
      </button>
      {error && (
        <p id="filters-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
