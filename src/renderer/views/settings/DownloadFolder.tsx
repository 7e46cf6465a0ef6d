import { useState } from 'react';
import type { Profile } from '../../../shared/domain';
import type { IpcError } from '../../../shared/ipc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProfiles } from '../../state/StoresContext';

/** The folder comes from the system's picker in main: the page never names a path itself. */
export function DownloadFolder({ profile }: { profile: Profile }) {
  const choose = useProfiles((s) => s.chooseDownloadFolder);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  return (
    <div className="stack">
      <div className="row">
        <span className="field-label">Download folder</span>
        <code data-testid="download-folder" className="grow path">
          {profile.downloadDir}
        </code>
        <button
          type="button"
          className="button"
          data-testid="choose-download-folder"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const result = await choose(profile.id);
            setBusy(false);
            setError(result.ok ? null : result.error);
          }}
        >
          Choose folder…
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
