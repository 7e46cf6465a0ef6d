import type { FilterRow } from './exportForm';
import { MAX_EXTRA_FILTERS } from '../../../shared/ipc';

interface FilterRowsProps {
  rows: FilterRow[];
  error: string | undefined;
  onChange(rows: FilterRow[]): void;
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
            <label className="visually-hidden" htmlFor={`filter-key-${row.id}`}>
              Filter {index + 1} name
            </label>
            <input
              id={`filter-key-${row.id}`}
              className="input"
              placeholder="name"
              maxLength={64}
              data-testid="filter-key"
              value={row.key}
              onChange={(e) => update(row.id, { key: e.target.value })}
            />
            <span aria-hidden="true">=</span>
            <label className="visually-hidden" htmlFor={`filter-value-${row.id}`}>
              Filter {index + 1} value
            </label>
            <input
              id={`filter-value-${row.id}`}
              className="input grow"
              placeholder="value"
              maxLength={200}
              data-testid="filter-value"
              value={row.value}
              onChange={(e) => update(row.id, { value: e.target.value })}
            />
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
