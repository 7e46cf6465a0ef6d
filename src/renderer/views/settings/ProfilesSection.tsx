import { useProfiles, useUi } from '../../state/StoresContext';
import { AddProfileForm } from './AddProfileForm';
import { ProfileCard } from './ProfileCard';

export function ProfilesSection() {
  const profiles = useProfiles((s) => s.profiles);
  const activeProfileId = useProfiles((s) => s.activeProfileId);
  const adding = useUi((s) => s.addingProfile);
  const setAdding = useUi((s) => s.setAddingProfile);

  return (
    <section className="stack" aria-labelledby="profiles-heading">
      <div className="view-header">
        <h3 id="profiles-heading">Workspaces</h3>
        {!adding && (
          <button type="button" className="button" data-testid="add-profile-open" onClick={() => setAdding(true)}>
            Add workspace
          </button>
        )}
      </div>
      {adding && <AddProfileForm onDone={() => setAdding(false)} />}
      <ul className="profile-list" data-testid="profile-list">
        {profiles.map((profile) => (
          <ProfileCard key={profile.id} profile={profile} active={profile.id === activeProfileId} />
        ))}
      </ul>
    </section>
  );
}
