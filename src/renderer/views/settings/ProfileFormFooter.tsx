import type { IpcError } from '../../../shared/ipc';
import { ErrorMessage } from '../../components/ErrorMessage';

interface ProfileFormFooterProps {
  serverError: IpcError | null;
  offerAction?: boolean;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel(): void;
}

/** The server's verdict and the submit/cancel pair shared by the add and edit workspace forms. */
export function ProfileFormFooter({ serverError, offerAction, busy, submitLabel, busyLabel, onCancel }: ProfileFormFooterProps) {
  return (
    <>
      {serverError && <ErrorMessage error={serverError} testId="profile-error" offerAction={offerAction} />}
      <div className="row">
        <button type="submit" className="button primary" disabled={busy} data-testid="profile-submit">
          {busy ? busyLabel : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
