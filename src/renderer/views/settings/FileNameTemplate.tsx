import { useId, useState, type FormEvent } from 'react';
import { settingsSchema } from '../../../shared/domain';

const PLACEHOLDERS = '{type}, {from}, {to}, {id} and {ext}';

export function FileNameTemplate({ value, onSave }: { value: string; onSave(template: string): Promise<void> }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.shape.fileNameTemplate.safeParse(draft.trim());
    if (!parsed.success) return setError('Enter a file name pattern of 1 to 200 characters.');
    setError(null);
    await onSave(parsed.data);
  };

  return (
    <form className="field" noValidate onSubmit={submit}>
      <label htmlFor={`${id}-template`}>File name pattern</label>
      <div className="row">
        <input
          id={`${id}-template`}
          className="input grow mono"
          maxLength={200}
          data-testid="setting-fileNameTemplate"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button" disabled={draft === value}>
          Save pattern
        </button>
      </div>
      <span id={`${id}-hint`} className="field-hint">
        Placeholders such as {PLACEHOLDERS}.
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </form>
  );
}
