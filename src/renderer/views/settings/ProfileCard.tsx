import { useState } from 'react';
import type { Profile } from '../../../shared/domain';
import type { IpcError } from '../../../shared/ipc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProfileBadge } from '../../components/ProfileBadge';
import { useProfiles } from '../../state/StoresContext';
import { DownloadFolder } from './DownloadFolder';
import { EditProfileForm } from './EditProfileForm';
import { KeyManager } from './KeyManager';
import { RemoveProfile } from './RemoveProfile';

export function ProfileCard({ profile, active }: { profile: Profile; active: boolean }) {
  const setActive = useProfiles((s) => s.setActive);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const headingId = `profile-${profile.id}-heading`;

  return (
    <li className="card stack profile-card" data-testid="profile-card" data-profile-id={profile.id} data-active={active} aria-labelledby={headingId}>
      <div className="row profile-card-head">
        <h4 id={headingId}>
          <ProfileBadge profile={profile} />
        </h4>
        {profile.demo && <span className="status-badge wait">Demo</span>}
        {active ? (
          <span className="status-badge good">Active</span>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="profile-use"
            onClick={async () => {
              const result = await setActive(profile.id);
              setError(result.ok ? null : result.error);
            }}
          >
            Use this workspace
          </button>
        )}
        <span className="spacer" />
        {!profile.demo && (
          <button type="button" className="button" aria-expanded={editing} data-testid="profile-edit" onClick={() => setEditing(!editing)}>
            {editing ? 'Close editor' : 'Edit'}
          </button>
        )}
        <RemoveProfile profile={profile} />
      </div>
      <p className="mono muted profile-url">{profile.baseUrl}</p>
      {error && <ErrorMessage error={error} />}
      {editing && <EditProfileForm profile={profile} onDone={() => setEditing(false)} />}
      <KeyManager profile={profile} />
      <DownloadFolder profile={profile} />
    </li>
  );
}
