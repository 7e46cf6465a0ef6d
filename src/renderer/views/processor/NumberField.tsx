interface NumberFieldProps {
  id: string;
  label: string;
  hint: string;
  bounds: { min: number; max: number };
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}

export function NumberField({ id, label, hint, bounds, value, error, onChange }: NumberFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="input number-input"
        min={bounds.min}
        max={bounds.max}
        step={1}
        data-testid={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-hint`} className="field-hint">
        {hint} From {bounds.min} to {bounds.max}.
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
