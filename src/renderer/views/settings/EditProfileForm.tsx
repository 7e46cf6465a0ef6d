import { useState, type FormEvent } from 'react';
import type { Profile } from '../../../shared/domain';
import type { IpcError } from '../../../shared/ipc';
import { useProfiles } from '../../state/StoresContext';
import { ProfileFields } from './ProfileFields';
import { ProfileFormFooter } from './ProfileFormFooter';
import { checkProfileFields, DEFAULT_COLOR, type ProfileFieldErrors, type ProfileFieldValues } from './profileForm';

export function EditProfileForm({ profile, onDone }: { profile: Profile; onDone(): void }) {
  const update = useProfiles((s) => s.update);
  const [values, setValues] = useState<ProfileFieldValues>({
    name: profile.name,
    baseUrl: profile.baseUrl,
    color: profile.color ?? DEFAULT_COLOR,
  });
  const [errors, setErrors] = useState<ProfileFieldErrors>({});
  const [serverError, setServerError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkProfileFields(values);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length > 0 || busy) return;
    setBusy(true);
    const result = await update({ id: profile.id, name: values.name.trim(), baseUrl: values.baseUrl.trim(), color: values.color });
    setBusy(false);
    if (result.ok) onDone();
    else setServerError(result.error);
  };

  return (
    <form className="stack edit-profile" noValidate onSubmit={submit} aria-label={`Edit ${profile.name}`}>
      <ProfileFields values={values} errors={errors} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} />
      <ProfileFormFooter serverError={serverError} busy={busy} submitLabel="Save" busyLabel="Saving…" onCancel={onDone} />
    </form>
  );
}
