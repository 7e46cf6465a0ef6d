import { useId, useState, type FormEvent } from 'react';
import type { IpcError } from '../../../shared/ipc';
import { TextField } from '../../components/TextField';
import { useProfiles, useUi } from '../../state/StoresContext';
import { ProfileFields } from './ProfileFields';
import { ProfileFormFooter } from './ProfileFormFooter';
import { API_KEY_INPUT, checkProfileFields, DEFAULT_COLOR, type ProfileFieldErrors, type ProfileFieldValues } from './profileForm';

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
      <TextField
        id={`${id}-key`}
        label="API key"
        hint="Needs the exports:create scope. It is checked with the server, then kept in your system keychain; the app never shows it again."
        {...API_KEY_INPUT}
        data-testid="profile-key"
        value={apiKey}
        error={errors.apiKey}
        onChange={(e) => setApiKey(e.target.value)}
      />
      <label className="check">
        <input type="checkbox" checked={activate} data-testid="profile-activate" onChange={(e) => setActivate(e.target.checked)} />
        <span>Switch to this workspace</span>
      </label>
      <ProfileFormFooter serverError={serverError} offerAction={false} busy={busy} submitLabel="Add workspace" busyLabel="Checking…" onCancel={onDone} />
    </form>
  );
}
