import { useId, useState, type FormEvent } from 'react';
import type { IpcError } from '../../../shared/ipc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProfiles, useUi } from '../../state/StoresContext';
import { ProfileFields } from './ProfileFields';
import { checkProfileFields, DEFAULT_COLOR, type ProfileFieldErrors, type ProfileFieldValues } from './profileForm';

/** Main checks the key against the server first: a rejected key stores neither the key nor the workspace. */
export function AddProfileForm({ onDone }: { onDone(): void }) {
  const id = useId();
  const add = useProfiles((s) => s.add);
  const pushNotice = useUi((s) => s.pushNotice);
  const [values, setValues] = useState<ProfileFieldValues>({ name: '', baseUrl: '', color: DEFAULT_COLOR });
  const [apiKey, setApiKey] = useState('');
  const [activate, setActivate] = useState(true);
  const [errors, setErrors] = useState<ProfileFieldErrors>({});
  const [serverError, setServerError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = checkProfileFields(values, apiKey);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await add({
      name: values.name.trim(),
      baseUrl: values.baseUrl.trim(),
      color: values.color,
      ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      activate,
    });
    setBusy(false);
    if (!result.ok) return setServerError(result.error);
    setApiKey('');
    pushNotice({ level: 'success', message: `Workspace “${result.value.added.name}” added.` });
    onDone();
  };

  return (
    <form className="card stack" noValidate onSubmit={submit} data-testid="add-profile-form" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h4 id={`${id}-title`}>Add a workspace</h4>
      <ProfileFields values={values} errors={errors} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} />
      <div className="field">
        <label htmlFor={`${id}-key`}>API key</label>
        <input
          id={`${id}-key`}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={1024}
          data-testid="profile-key"
          value={apiKey}
          aria-invalid={errors.apiKey ? true : undefined}
          aria-describedby={`${id}-key-hint${errors.apiKey ? ` ${id}-key-error` : ''}`}
          onChange={(e) => setApiKey(e.target.value)}
        />
        <span id={`${id}-key-hint`} className="field-hint">
          Needs the exports:create scope. It is checked with the server, then kept in your system keychain; the app never shows it again.
        </span>
        {errors.apiKey && (
          <span id={`${id}-key-error`} className="field-error">
            {errors.apiKey}
          </span>
        )}
      </div>
      <label className="check">
        <input type="checkbox" checked={activate} data-testid="profile-activate" onChange={(e) => setActivate(e.target.checked)} />
        <span>Switch to this workspace</span>
      </label>
      {serverError && <ErrorMessage error={serverError} testId="profile-error" offerAction={false} />}
      <div className="row">
        <button type="submit" className="button primary" disabled={busy} data-testid="profile-submit">
          {busy ? 'Checking…' : 'Add workspace'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
