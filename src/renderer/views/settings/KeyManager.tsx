import { useId, useState, type FormEvent } from 'react';
import type { Profile } from '../../../shared/domain';
import type { IpcError, KeyStorage } from '../../../shared/ipc';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProfiles } from '../../state/StoresContext';
import { API_KEY_INPUT, checkApiKey } from './profileForm';

const WHERE: Record<KeyStorage, string> = {
  keychain: 'in your system keychain',
  'safe-storage': 'encrypted by your operating system',
  session: 'for this session only: it is forgotten when the app quits',
};

/** The key goes in once; only its masked hint ever comes back. */
export function KeyManager({ profile }: { profile: Profile }) {
  const id = useId();
  const key = useProfiles((s) => s.keys[profile.id]);
  const setKey = useProfiles((s) => s.setKey);
  const clearKey = useProfiles((s) => s.clearKey);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [inputError, setInputError] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkApiKey(value);
    setInputError(problem ?? null);
    if (problem || busy) return;
    setBusy(true);
    const result = await setKey(profile.id, value.trim());
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setValue('');
      setEditing(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    const result = await clearKey(profile.id);
    setBusy(false);
    setConfirmRemove(false);
    setError(result.ok ? null : result.error);
  };

  return (
    <div className="stack key-manager">
      <div className="row">
        <span className="field-label">API key</span>
        <span data-testid="key-status" data-has-key={key?.hasKey ?? false}>
          {key === undefined ? (
            <span className="muted">Checking…</span>
          ) : key.hasKey ? (
            <>
              <code>{key.hint ?? 'saved'}</code> <span className="muted">stored {key.storage ? WHERE[key.storage] : ''}</span>
            </>
          ) : (
            <span className="muted">No key: exports cannot be created.</span>
          )}
        </span>
        {!profile.demo && !editing && (
          <button type="button" className="button" data-testid="key-edit" onClick={() => setEditing(true)}>
            {key?.hasKey ? 'Replace key' : 'Add key'}
          </button>
        )}
        {!profile.demo && key?.hasKey && (
          <button type="button" className="button" data-testid="key-remove" onClick={() => setConfirmRemove(true)}>
            Remove key
          </button>
        )}
      </div>
      {editing && (
        <form className="row key-form" noValidate onSubmit={save} aria-busy={busy}>
          <label htmlFor={`${id}-key`}>New key for {profile.name}</label>
          <input
            id={`${id}-key`}
            className="input grow"
            {...API_KEY_INPUT}
            data-testid="key-input"
            value={value}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? `${id}-key-error` : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={busy} data-testid="key-save">
            {busy ? 'Checking…' : 'Save key'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setEditing(false);
              setValue('');
              setInputError(null);
            }}
          >
            Cancel
          </button>
          {inputError && (
            <span id={`${id}-key-error`} className="field-error full">
              {inputError}
            </span>
          )}
        </form>
      )}
      {error && <ErrorMessage error={error} testId="key-error" offerAction={false} />}
      <ConfirmDialog
        open={confirmRemove}
        title="Remove the API key?"
        confirmLabel="Remove key"
        danger
        busy={busy}
        onConfirm={remove}
        onCancel={() => setConfirmRemove(false)}
        testId="key-remove-dialog"
      >
        <p>
          The key for “{profile.name}” is deleted from this computer. Exports of this workspace stop updating until you add a key again.
        </p>
      </ConfirmDialog>
    </div>
  );
}
