export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  /** Also the select's id, so the label points at it. */
  testId: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange(value: T): void;
}

export function SelectField<T extends string>({ label, testId, value, options, onChange }: SelectFieldProps<T>) {
  return (
    <div className="field">
      <label htmlFor={testId}>{label}</label>
      <select id={testId} className="select" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
