import { useState } from 'react';
import type { Profile } from '../../../shared/domain';
import type { IpcError } from '../../../shared/ipc';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProfiles, useStores } from '../../state/StoresContext';

export function RemoveProfile({ profile }: { profile: Profile }) {
  const stores = useStores();
  const remove = useProfiles((s) => s.remove);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const confirm = async () => {
    setBusy(true);
    const result = await remove(profile.id);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setOpen(false);
    // Main forgets the profile's jobs with it; the list follows.
    await stores.jobs.getState().load();
  };

  return (
    <>
      <button type="button" className="button danger" data-testid="profile-remove" onClick={() => setOpen(true)}>
        Remove
      </button>
      <ConfirmDialog
        open={open}
        title={`Remove “${profile.name}”?`}
        confirmLabel="Remove workspace"
        danger
        busy={busy}
        onConfirm={confirm}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        testId="profile-remove-dialog"
      >
        <p>The app forgets this workspace, its API key and its export list. Files already downloaded stay where they are.</p>
        {error && <ErrorMessage error={error} />}
      </ConfirmDialog>
    </>
  );
}
