import { useId, useState } from 'react';
import type { IpcError } from '../../shared/ipc';
import { ErrorMessage } from '../components/ErrorMessage';
import { useProfiles } from '../state/StoresContext';

/** Switches the active profile: new exports, the processor view and polling follow it. */
export function WorkspaceSelect() {
  const id = useId();
  const profiles = useProfiles((s) => s.profiles);
  const activeProfileId = useProfiles((s) => s.activeProfileId);
  const setActive = useProfiles((s) => s.setActive);
  const [error, setError] = useState<IpcError | null>(null);

  if (profiles.length === 0) return null;
  return (
    <div className="row">
      <label htmlFor={id}>Workspace</label>
      <select
        id={id}
        className="select"
        data-testid="workspace-select"
        value={activeProfileId ?? ''}
        onChange={async (event) => {
          const result = await setActive(event.target.value);
          setError(result.ok ? null : result.error);
        }}
      >
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.demo && !/demo/i.test(profile.name) ? `${profile.name} (Demo)` : profile.name}
          </option>
        ))}
      </select>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
