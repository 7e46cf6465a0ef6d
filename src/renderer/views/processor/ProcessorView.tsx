/**
 * Test ids: processor-form, processor-enabled, processor-max-concurrent, processor-retention,
 * processor-review, processor-confirm (dialog), processor-confirm-confirm (Save), processor-change,
 * processor-warning, processor-error, processor-load-error, processor-reload.
 */
import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProfileBadge } from '../../components/ProfileBadge';
import { EMPTY_ENTRY } from '../../state/processor';
import { selectActiveProfile } from '../../state/profiles';
import { useProcessor, useProfiles } from '../../state/StoresContext';
import { ProcessorForm } from './ProcessorForm';
import './processor.css';

export function ProcessorView() {
  const profile = useProfiles(selectActiveProfile);
  const profileId = profile?.id ?? null;
  const entry = useProcessor((s) => (profileId ? (s.byProfile[profileId] ?? EMPTY_ENTRY) : EMPTY_ENTRY));
  const load = useProcessor((s) => s.load);

  useEffect(() => {
    if (profileId) void load(profileId);
  }, [profileId, load]);

  return (
    <div className="view">
      <div className="view-header">
        <h2>Processor</h2>
        {profile && (
          <span className="muted">
            of <ProfileBadge profile={profile} />
          </span>
        )}
        {profileId && (
          <button type="button" className="button" data-testid="processor-reload" disabled={entry.loading} onClick={() => void load(profileId)}>
            {entry.loading ? 'Loading…' : 'Reload'}
          </button>
        )}
      </div>
      <p className="muted processor-intro">
        The processor runs this workspace’s exports on the PlatformXE server. Changes apply to everyone using the workspace.
      </p>
      {!profileId && <p className="empty">Add a workspace in Settings first.</p>}
      {entry.loadError && <ErrorMessage error={entry.loadError} testId="processor-load-error" />}
      {profileId && entry.processor && <ProcessorForm key={entry.processor.updatedAt} profileId={profileId} processor={entry.processor} />}
    </div>
  );
}
